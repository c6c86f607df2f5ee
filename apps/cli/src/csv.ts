/** One CSV record with the line it starts on (1-based), for error messages. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses CSV text as RFC 4180 describes it: comma-separated fields, double quotes around fields
 * that contain commas, quotes or line breaks, and `""` for a quote inside a quoted field. Blank
 * lines are skipped and fields are trimmed.
 *
 * @throws SyntaxError naming the line of a quoted field that is never closed.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;

  const endRecord = () => {
    fields.push(field.trim());
    if (fields.some((value) => value !== '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };

  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      fields.push(field.trim());
      field = '';
    } else if (char === '\n') {
      endRecord();
      line += 1;
      recordLine = line;
    } else if (char !== '\r') {
      field += char;
    }
  }
  if (quoted)
    throw new SyntaxError(`a quoted field that starts on line ${quoteLine} is never closed`);
  endRecord();
  return records;
}
