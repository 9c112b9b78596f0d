/** Number formatting for the HTML and the chart labels; locale-independent so output is reproducible. */

export function formatCount(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `−${grouped}` : grouped;
}

/** Shares as percentages with precision that suits their size (the study's shares run from 0.05 % to 100 %). */
export function formatPercent(x: number): string {
  const p = x * 100;
  if (p === 0) return '0%';
  if (p < 1) return `${trimZeros(p.toPrecision(2))}%`;
  if (p < 10) return `${p.toFixed(2)}%`;
  return `${p.toFixed(1)}%`;
}

export function formatInterval(
  low: number,
  high: number,
  fmt: (x: number) => string = formatPercent,
): string {
  return `${fmt(low)} – ${fmt(high)}`;
}

/** A signed change on the −1..1 scale with a true minus sign. */
export function formatSigned(x: number, digits = 2): string {
  const r = Number(x.toFixed(digits));
  if (r === 0) return (0).toFixed(digits);
  return r > 0 ? `+${r.toFixed(digits)}` : `−${Math.abs(r).toFixed(digits)}`;
}

function trimZeros(s: string): string {
  return s.includes('e') ? String(Number(s)) : s;
}
