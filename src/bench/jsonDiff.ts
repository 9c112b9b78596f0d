/**
 * Where two JSON values differ, as paths (`provenance.tokenUsage.inputTokens`, `topics[2].size`):
 * what a bench prints when a report should equal another and does not.
 */
export function jsonDiffPaths(a: unknown, b: unknown, limit = 20): string[] {
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, p: string): void => {
    if (out.length >= limit) return;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) out.push(`${p} (length ${x.length} vs ${y.length})`);
      else for (let i = 0; i < x.length; i++) walk(x[i], y[i], `${p}[${i}]`);
      return;
    }
    if (isObject(x) && isObject(y)) {
      const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
      for (const k of keys) {
        const q = p === '' ? k : `${p}.${k}`;
        if (!(k in x) || !(k in y)) out.push(`${q} (only in ${k in x ? 'the first' : 'the second'})`);
        else walk(x[k], y[k], q);
        if (out.length >= limit) return;
      }
      return;
    }
    if (!Object.is(x, y)) out.push(p === '' ? '(root)' : p);
  };
  walk(a, b, '');
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
