export interface CsvRow {
  /** 1-based line number in the file, for error messages. */
  line: number;
  cells: string[];
}

/** Splits one CSV line; double-quoted fields may hold commas and doubled quotes (RFC 4180, one line per record). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** Header plus rows, skipping blank lines; every row must have as many fields as the header. */
export function parseCsv(file: string, text: string): { header: string[]; rows: CsvRow[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines.findIndex((line) => line.trim() !== '');
  if (headerLine < 0) throw new Error(`${file}: the file is empty; expected a header row`);
  const header = splitCsvLine(lines[headerLine]!);
  const rows: CsvRow[] = [];
  for (let i = headerLine + 1; i < lines.length; i++) {
    const text = lines[i]!;
    if (text.trim() === '') continue;
    const cells = splitCsvLine(text);
    if (cells.length !== header.length) {
      throw new Error(`${file} line ${i + 1}: expected ${header.length} fields like the header, got ${cells.length}`);
    }
    rows.push({ line: i + 1, cells });
  }
  return { header, rows };
}
