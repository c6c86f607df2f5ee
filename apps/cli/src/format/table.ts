import { stripVTControlCharacters } from 'node:util';
import type { Styles } from '../output.js';

// Widths are measured on the visible text, without the ANSI styles.
function visibleLength(text: string): number {
  return stripVTControlCharacters(text).length;
}

/**
 * Renders rows as left-aligned columns separated by two spaces, under a bold header. Cells may
 * already contain ANSI styles; the last column is not padded.
 */
export function renderTable(headers: string[], rows: string[][], style: Styles): string {
  const widths = headers.map((header, column) =>
    Math.max(visibleLength(header), ...rows.map((row) => visibleLength(row[column] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1
          ? cell
          : cell + ' '.repeat((widths[column] ?? 0) - visibleLength(cell)),
      )
      .join('  ')
      .trimEnd();
  return [style.bold(line(headers)), ...rows.map(line)].join('\n');
}

/** Renders `label  value` lines with the labels padded to one width. */
export function renderFields(fields: Array<[string, string]>, style: Styles): string {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${style.dim(label.padEnd(width))}  ${value}`).join('\n');
}

/** Colours a clearance status: green when approved, red when it ended, yellow while it moves. */
export function styleStatus(status: string, style: Styles): string {
  if (status === 'approved') return style.green(status);
  if (status === 'pending' || status === 'revoking' || status === 'canceling') {
    return style.yellow(status);
  }
  return style.red(status);
}

/** Formats tags as `key=value` pairs separated by commas, or `-` when there are none. */
export function formatTags(tags: Record<string, string> | undefined): string {
  const entries = Object.entries(tags ?? {});
  return entries.length === 0 ? '-' : entries.map(([key, value]) => `${key}=${value}`).join(', ');
}
