/**
 * `npm run eval calibration`: do calibrated offline shares hold the truth on a realistic 3 % mix?
 *
 * Same domain: the reference set (real human–AI conversations, permissively licensed part) is split in
 * two halves by a hash of the id; error rates are measured on one half (alone, and with the shipped
 * calibration's other kinds of traffic as further domains), and the other half becomes a log with 3 %
 * affective conversations, repeated over seeds and both directions. Other domain: a log built from
 * sources the calibration never saw (WizardLM and Arena-Hard tasks, ESConv support chats), calibrated
 * with the reference set alone and with the shipped domains. Raw and calibrated shares against the truth.
 */
import { createHash } from 'node:crypto';
import { effectiveCategories } from '../analysis/groups.js';
import { type Calibration, calibratedEstimator } from '../estimate/calibrated.js';
import { createOfflineEngine } from '../facets/offline/offlineEngine.js';
import type { Facets } from '../facets/schema.js';
import { boolLabel, goldCategories } from '../facets/validate.js';
import { calibrationCounts } from '../pipeline/calibration.js';
import { createRng } from '../util/random.js';
import { calibrationDomains, PERMISSIVE_REFERENCE, SHIPPED_DOMAINS } from './calibrationDomains.js';
import type { EvalSection } from './evalSection.js';
import { devDataDir, loadSources, REFERENCE_FILE, type Source, type SourceItem } from './sources.js';

const SHARE = 0.03;

interface Scored {
  item: SourceItem;
  facets: Facets;
  /** The label as the report counts it. */
  affective: boolean;
}

function goldAffective(s: SourceItem, facets: Facets): boolean | undefined {
  const list = goldCategories(s);
  if (list !== undefined)
    return (
      effectiveCategories({
        conversationId: '',
        humanMessages: facets.humanMessages,
        facets: { ...facets, contentCreation: boolLabel(s, 'content_creation') ?? false, categories: list },
      }).length > 0
    );
  return boolLabel(s, 'affective');
}

function half(id: string): 0 | 1 {
  return (createHash('sha256').update(id).digest()[0] & 1) as 0 | 1;
}

/** A log at SHARE affective from `pool`: every negative, and enough seeded positives. */
function mix(pool: readonly Scored[], seed: number): Scored[] {
  const neg = pool.filter((s) => !s.affective);
  const pos = pool.filter((s) => s.affective);
  const want = Math.max(1, Math.round((SHARE / (1 - SHARE)) * neg.length));
  const rng = createRng(seed);
  const a = [...pos];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return [...neg, ...a.slice(0, Math.min(want, a.length))];
}

function countsOf(on: readonly Scored[]) {
  return calibrationCounts(
    on.map((s) => s.item),
    on.map((s) => s.facets),
  );
}

function row(log: readonly Scored[], calibration: Calibration, seed: number) {
  const est = calibratedEstimator(calibration, { seed, minLabelled: 10 });
  const n = log.length;
  const observed = log.filter(
    (s) =>
      effectiveCategories({ conversationId: '', humanMessages: s.facets.humanMessages, facets: s.facets })
        .length > 0,
  ).length;
  const truth = log.filter((s) => s.affective).length / n;
  const e = est.share([{ n, x: observed }], 'affective');
  return {
    truth,
    raw: observed / n,
    calibrated: e.share,
    low: e.interval.low,
    high: e.interval.high,
    method: e.method,
  };
}

/** Runs of `log(seed)` under each calibration: coverage and mean absolute errors, and the first rows. */
function runs(
  label: string,
  logs: { key: string; log: (seed: number) => Scored[]; calibrations: [string, Calibration][] }[],
  seeds: number,
): string[] {
  const lines: string[] = [label, 'log   seed   n    truth    raw      calibration: share [95% interval]'];
  const tally = new Map<string, { covered: number; runs: number; err: number; rawErr: number }>();
  for (const { key, log, calibrations } of logs)
    for (let seed = 1; seed <= seeds; seed++) {
      const l = log(seed);
      const cells: string[] = [];
      let first: ReturnType<typeof row> | undefined;
      for (const [name, cal] of calibrations) {
        const r = row(l, cal, seed);
        first ??= r;
        const t = tally.get(name) ?? { covered: 0, runs: 0, err: 0, rawErr: 0 };
        t.runs++;
        if (r.truth >= r.low && r.truth <= r.high) t.covered++;
        t.err += Math.abs(r.calibrated - r.truth);
        t.rawErr += Math.abs(r.raw - r.truth);
        tally.set(name, t);
        cells.push(`${name}: ${pct(r.calibrated)} [${pct(r.low)}, ${pct(r.high)}]`);
      }
      if ((seed <= 3 || process.env.AFFECTLENS_EVAL_ALL_ROWS) && first)
        lines.push(
          `${key.padEnd(5)} ${String(seed).padStart(2)}  ${String(l.length).padStart(5)}  ${pct(first.truth)}  ${pct(first.raw)}  ${cells.join('  ')}`,
        );
    }
  for (const [name, t] of tally)
    lines.push(
      `${name}: 95% interval holds the truth in ${t.covered} of ${t.runs} runs; mean absolute error raw ${pct(t.rawErr / t.runs)}, calibrated ${pct(t.err / t.runs)}`,
    );
  return lines;
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

export async function calibrationReport(dir = devDataDir()): Promise<string> {
  const sources = await loadSources(dir);
  if (!sources) return `calibration: skipped (no folder at ${dir}; set AFFECTLENS_DEV_DATA)`;
  const engine = createOfflineEngine();
  const score = async (items: readonly SourceItem[]): Promise<Scored[]> => {
    const results = await engine.extractFacets(items.map((i) => i.conversation));
    return items
      .map((item, i) => ({
        item,
        facets: results[i].facets,
        affective: goldAffective(item, results[i].facets),
      }))
      .filter((s): s is Scored => s.affective !== undefined && s.facets.status.kind !== 'error');
  };
  const reference = sources.find((s) => s.file === REFERENCE_FILE);
  const lines: string[] = [];
  if (!reference) return 'calibration: skipped (no reference set)';
  // The shipped calibration's other kinds of traffic (support, tasks), each a domain of its own.
  const others = SHIPPED_DOMAINS.filter((d) => !d.files.includes(REFERENCE_FILE));
  const otherSources = sources.filter((s) => others.some((d) => d.files.includes(s.file)));
  const otherResults = await Promise.all(
    otherSources.map(async (s) =>
      (await engine.extractFacets(s.items.map((i) => i.conversation))).map((r) => r.facets),
    ),
  );
  const otherDomains = calibrationDomains(others, otherSources, otherResults);
  const calibrationWith = (name: string, ref: readonly Scored[], withOthers: boolean): Calibration => {
    const refDomain = { name: 'reference', facets: countsOf(ref) };
    if (!withOthers) return { source: name, engine: 'offline', facets: refDomain.facets };
    const domains = [refDomain, ...otherDomains.map((d) => ({ name: d.name, facets: d.facets }))];
    return { source: name, engine: 'offline', facets: refDomain.facets, domains };
  };

  const scored = await score(reference.items.filter((i) => PERMISSIVE_REFERENCE.test(i.id)));
  const halves = [scored.filter((s) => half(s.item.id) === 0), scored.filter((s) => half(s.item.id) === 1)];
  lines.push(
    ...runs(
      `same domain: calibrate on one half of ${scored.length} reference conversations, mix the other half to ${pct(SHARE)} affective, 20 seeds x 2 directions`,
      ([0, 1] as const).map((h) => ({
        key: `half${h}`,
        log: (seed: number) => mix(halves[h], seed),
        calibrations: [
          ['reference only', calibrationWith('other half', halves[1 - h], false)],
          ['shipped domains', calibrationWith('other half + domains', halves[1 - h], true)],
        ] as [string, Calibration][],
      })),
      20,
    ),
  );

  const unseen = (s: Source) => ['wizardlm_testset.jsonl', 'esconv.jsonl'].includes(s.file);
  const arena = sources.find((s) => s.file === 'arena_hard.jsonl');
  const refIds = new Set(reference.items.map((i) => i.id));
  const pool = await score([
    ...sources.filter(unseen).flatMap((s) => s.items),
    ...(arena?.items.filter((i) => !refIds.has(i.id)) ?? []),
  ]);
  if (pool.length > 0)
    lines.push(
      '',
      ...runs(
        'other domain: sources the calibration never saw (WizardLM and Arena-Hard tasks outside the reference set, ESConv support chats written by people) mixed to 3 % affective, 20 seeds; calibrated on the whole permissive reference set, alone or with the shipped domains',
        [
          {
            key: 'other',
            log: (seed: number) => mix(pool, seed),
            calibrations: [
              ['reference only', calibrationWith('reference', scored, false)],
              ['shipped domains', calibrationWith('reference + domains', scored, true)],
            ],
          },
        ],
        20,
      ),
    );
  return lines.join('\n');
}

export const calibrationSection: EvalSection = {
  name: 'calibration',
  description: 'calibrated offline shares against the truth on 3 % mixes built from the dev data',
  run: () => calibrationReport(),
};
