/**
 * One CSV table per figure (RFC 4180 quoting). Suppressed figures keep their row, with empty cells
 * and suppressed=true, so a reader sees that a group exists but is withheld.
 */

export type Cell = string | number | boolean | null;

/**
 * Quotes a cell when it holds a comma, quote or line break. A text cell that starts with = + - @ or a
 * tab is prefixed with ' so a spreadsheet does not run it as a formula (cluster names are machine-written).
 */
export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvTable(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
