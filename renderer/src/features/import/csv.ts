/** One CSV record with the line number (1-based) where it starts: a quoted cell may span lines. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** RFC 4180 CSV: commas, double-quoted cells ("" inside is one "), CRLF or LF; a blank line is skipped. */
export function parseCsv(text: string): { records: CsvRecord[]; problem?: { line: number; message: string } } {
  const records: CsvRecord[] = [];
  let line = 1;
  let at = 0;
  while (at < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (;;) {
      const c = text[at];
      if (quoted) {
        if (c === undefined) return { records, problem: { line: start, message: 'a quoted cell is never closed' } };
        if (c === '"' && text[at + 1] === '"') {
          cell += '"';
          at += 2;
        } else if (c === '"') {
          quoted = false;
          at++;
          const next = text[at];
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
            return { records, problem: { line, message: 'text after a closing quote (write "" for a quote)' } };
        } else {
          if (c === '\n') line++;
          cell += c;
          at++;
        }
        continue;
      }
      if (c === '"' && cell === '') {
        quoted = true;
        at++;
      } else if (c === ',') {
        cells.push(cell);
        cell = '';
        at++;
      } else if (c === '\r' || c === '\n' || c === undefined) {
        cells.push(cell);
        if (c === '\r' && text[at + 1] === '\n') at++;
        if (c !== undefined) {
          at++;
          line++;
        }
        break;
      } else {
        cell += c;
        at++;
      }
    }
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
  }
  return { records };
}
