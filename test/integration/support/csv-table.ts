/** Reads an exported CSV table (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes) into one object per row, keyed by the header. */

function cells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

export function csvTable(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header = [], ...body] = cells(text);
  return { header, rows: body.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? '']))) };
}
