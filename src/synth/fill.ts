/**
 * Template filling: `{slot}` placeholders drawn from the topic's slots, then the shared slots.
 * Templates are parsed once and cached, because the generator fills millions of them.
 */
import { pick, type Rng } from '../util/random.js';
import { SHARED_SLOTS } from './phrases.js';

type Part = string | { slot: string };
type Slots = Readonly<Record<string, readonly string[]>> | undefined;

const parsed = new Map<string, readonly Part[]>();

function parse(template: string): readonly Part[] {
  const cached = parsed.get(template);
  if (cached) return cached;
  const parts: Part[] = [];
  const re = /\{([a-z0-9_]+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m !== null; m = re.exec(template)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push({ slot: m[1] });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  parsed.set(template, parts);
  return parts;
}

/** The slot names a template uses (for tests that check every slot resolves). */
export function slotsOf(template: string): string[] {
  return parse(template).flatMap((p) => (typeof p === 'string' ? [] : [p.slot]));
}

export function resolveSlot(name: string, slots: Slots): readonly string[] | undefined {
  return slots?.[name] ?? SHARED_SLOTS[name];
}

/**
 * Fills a template. `chosen` keeps one value per slot for the whole conversation, so a user who
 * mentions their "sister" keeps talking about the same sister.
 */
export function fill(template: string, rng: Rng, slots: Slots, chosen: Map<string, string>): string {
  const parts = parse(template);
  if (parts.length === 1 && typeof parts[0] === 'string') return parts[0];
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') {
      out += p;
      continue;
    }
    let v = chosen.get(p.slot);
    if (v === undefined) {
      const values = resolveSlot(p.slot, slots);
      if (!values) throw new Error(`synth template slot {${p.slot}} has no values (template: ${template})`);
      v = pick(rng, values);
      chosen.set(p.slot, v);
    }
    out += v;
  }
  return out;
}
