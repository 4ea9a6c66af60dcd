// CSV as spreadsheets read it (RFC 4180: quoted fields, doubled quotes, CRLF), safe to open: a cell a spreadsheet
// would run as a formula (starting with = + - @, a tab or a carriage return) is written as text with a leading '.
// Comment text and notes come from readers, so an export must never carry a live formula.

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as one CSV document, with a byte-order mark so spreadsheet programs read it as UTF-8. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
