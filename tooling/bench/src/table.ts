import type { ReportedResult } from './report.js';

const headers = [
  'Benchmark',
  'Subject (median)',
  'Baseline (median)',
  'Ratio [p25-p75]',
  'Runs',
  'Notes',
];

/** Formats a number with group separators and fewer decimals the larger it is (0 from 100 up). */
export function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  let digits = 3;
  if (magnitude >= 100) digits = 0;
  else if (magnitude >= 10) digits = 1;
  else if (magnitude >= 1) digits = 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

function rowOf(result: ReportedResult): string[] {
  const { summary, unit } = result;
  const ratio = summary.ratio;
  return [
    result.title ?? result.name,
    `${formatNumber(summary.subject.median)} ${unit}`,
    summary.baseline ? `${formatNumber(summary.baseline.median)} ${unit}` : '-',
    ratio
      ? `${formatNumber(ratio.median)} [${formatNumber(ratio.p25)}-${formatNumber(ratio.p75)}]`
      : '-',
    String(summary.subject.runs),
    notesOf(result.extra),
  ];
}

/** Joins the scalar entries of `extra` as `key: value`; nested values stay in the JSON file. */
function notesOf(extra: ReportedResult['extra']): string {
  if (extra === undefined) return '';
  return Object.entries(extra)
    .filter(([, value]) => ['number', 'string', 'boolean'].includes(typeof value))
    .map(([key, value]) => `${key}: ${typeof value === 'number' ? formatNumber(value) : value}`)
    .join(', ');
}

/** Returns the width of each column: its longest cell. */
function columnWidths(rows: readonly string[][]): number[] {
  const columns = Math.max(...rows.map((row) => row.length));
  return Array.from({ length: columns }, (_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
}

/** Renders the results as a plain-text table with aligned columns, for the terminal. */
export function renderTextTable(results: readonly ReportedResult[]): string {
  const rows = [headers, ...results.map(rowOf)];
  const widths = columnWidths(rows);
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(headers), rule, ...rows.slice(1).map(line)].join('\n');
}

/**
 * Renders the results as a Markdown table, as pasted into BENCHMARKS.md: sorted by name, which
 * groups them by area, with the name in its own column so a reader can find its description.
 * Cells are padded to their column's width, the layout the repository's formatter keeps.
 */
export function renderMarkdownTable(results: readonly ReportedResult[]): string {
  const sorted = [...results].sort((a, b) => a.name.localeCompare(b.name));
  const rows = [
    ['Name', ...headers],
    ...sorted.map((result) => [`\`${result.name}\``, ...rowOf(result)]),
  ].map((row) => row.map((cell) => cell.replaceAll('|', '\\|')));
  const widths = columnWidths(rows);
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`;
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}
