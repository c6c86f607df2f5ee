import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type CsvRecord, parseCsv } from './csv.js';
import { usageError } from './errors.js';

/** One vehicle read from a fleet file, before its VIN and brand are checked. */
export interface FleetEntry {
  vin: string;
  brand: string | undefined;
  tags: Record<string, string>;
  /** Location of the entry for error messages, such as `line 4 of fleet.csv`. */
  where: string;
}

async function readText(path: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw usageError(
      `Could not read the fleet file ${path} (${String(code ?? 'read failed')}). Check the path.`,
    );
  }
}

function parseTagList(text: string, where: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const pair of text
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const index = pair.indexOf('=');
    if (index <= 0) {
      throw usageError(`Invalid tag "${pair}" on ${where}: write tags as key=value;key=value.`);
    }
    tags[pair.slice(0, index).trim()] = pair.slice(index + 1).trim();
  }
  return tags;
}

/**
 * Reads CSV rows. With a header row (one column named `vin`), the columns `vin`, `brand`, `tags`
 * (`key=value;key=value`) and `tag.<key>` are read and others are ignored. Without a header, the
 * columns are vin, brand and tags in that order.
 */
function entriesFromCsv(records: CsvRecord[], name: string): FleetEntry[] {
  const header = records[0]?.fields.map((field) => field.toLowerCase());
  const hasHeader = header?.includes('vin') === true;
  const columns = hasHeader ? (header as string[]) : ['vin', 'brand', 'tags'];
  return records.slice(hasHeader ? 1 : 0).map(({ line, fields }) => {
    const where = `line ${line} of ${name}`;
    const entry: FleetEntry = { vin: '', brand: undefined, tags: {}, where };
    columns.forEach((column, index) => {
      const value = fields[index] ?? '';
      if (column === 'vin') entry.vin = value;
      else if (column === 'brand') entry.brand = value || undefined;
      else if (column === 'tags') Object.assign(entry.tags, parseTagList(value, where));
      else if (column.startsWith('tag.') && value !== '') entry.tags[column.slice(4)] = value;
    });
    return entry;
  });
}

function entryFromJson(item: unknown, where: string): FleetEntry {
  if (typeof item === 'string') return { vin: item, brand: undefined, tags: {}, where };
  const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
  if (typeof record.vin !== 'string') {
    throw usageError(
      `Missing "vin" in ${where}: each entry is a VIN string or an object with a vin.`,
    );
  }
  const tags: Record<string, string> = {};
  if (typeof record.tags === 'object' && record.tags !== null) {
    for (const [key, value] of Object.entries(record.tags)) tags[key] = String(value);
  }
  const brand = typeof record.brand === 'string' ? record.brand : undefined;
  return { vin: record.vin, brand, tags, where };
}

/** Reads a JSON list of VINs or vehicle objects, bare or as `{ "vehicles": [...] }`. */
function entriesFromJson(text: string, name: string): FleetEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw usageError(`The fleet file ${name} is not valid JSON: ${(error as Error).message}.`);
  }
  const list = Array.isArray(data) ? data : (data as { vehicles?: unknown } | null)?.vehicles;
  if (!Array.isArray(list)) {
    throw usageError(
      `The fleet file ${name} must contain a JSON array of vehicles, or an object with a "vehicles" array.`,
    );
  }
  return list.map((item, index) => entryFromJson(item, `entry ${index} of ${name}`));
}

/**
 * Reads the vehicles of a fleet file: CSV or JSON, chosen by the `.csv` or `.json` extension, or
 * by the first character for other names and for `-` (stdin).
 */
export async function readFleetFile(path: string): Promise<FleetEntry[]> {
  const text = await readText(path);
  const name = path === '-' ? 'stdin' : path;
  const extension = extname(path).toLowerCase();
  const looksLikeJson = /^\s*[[{]/.test(text);
  if (extension === '.json' || (extension !== '.csv' && looksLikeJson)) {
    return entriesFromJson(text, name);
  }
  try {
    return entriesFromCsv(parseCsv(text), name);
  } catch (error) {
    if (error instanceof SyntaxError) throw usageError(`Invalid CSV in ${name}: ${error.message}.`);
    throw error;
  }
}
