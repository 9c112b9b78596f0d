/**
 * `npm run eval dev-data`: every labelled file in the dev split, scored by `validateFacets` for the
 * offline engine, a keyword baseline and VADER (sentiment only), in one table with the targets,
 * then per-file rows so weak sources are visible. Skipped cleanly when the folder is absent.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Conversation } from '../conversation/model.js';
import { readConversations } from '../conversation/read.js';
import { createVaderBaseline, keywordBaselineFacets } from '../facets/baselines.js';
import type { BinaryMetrics } from '../facets/metrics.js';
import { offlineFacets } from '../facets/offline/facets.js';
import { offlineRulesVersion, RULES_NAME } from '../facets/offline/rulesVersion.js';
import type { Facets } from '../facets/schema.js';
import { fmt, type LabelledItem, type ValidationReport, validateFacets } from '../facets/validate.js';
import { PACKAGE_ROOT } from '../version.js';
import type { EvalSection } from './sections.js';

const PACKAGE_ROOT_PATH = fileURLToPath(PACKAGE_ROOT);

export function devDataDir(): string {
  return process.env.AFFECTLENS_DEV_DATA ?? join(process.cwd(), '..', 'shared', 'data', 'dev');
}

interface FileData {
  file: string;
  items: LabelledItem[];
  quarantined: number;
}

async function loadFile(path: string): Promise<FileData> {
  const items: LabelledItem[] = [];
  let quarantined = 0;
  for await (const it of readConversations([path], { format: 'labelled' })) {
    if (it.kind === 'quarantined') {
      quarantined++;
      continue;
    }
    const labels = it.conversation.metadata.labels;
    items.push({
      conversation: it.conversation,
      labels: typeof labels === 'object' && labels !== null ? (labels as Record<string, unknown>) : {},
    });
  }
  return { file: path.split('/').pop() ?? path, items, quarantined };
}

type Engine = { name: string; run: (c: Conversation) => Facets; sentimentOnly: boolean };

interface Row {
  metric: string;
  /** Picks the figure from a report; undefined when the report has no such metric. */
  pick: (r: ValidationReport) => number | undefined;
  /** Files whose items feed this row (undefined = all). */
  files?: (file: string) => boolean;
  sentimentRow: boolean;
  target?: number;
}

const f1 = (m?: BinaryMetrics) => m?.f1;
const kappa = (m?: BinaryMetrics) => m?.kappa;
const isSst = (f: string) => f.startsWith('sst5');

const ROWS: Row[] = [
  { metric: 'affective F1', pick: (r) => f1(r.affective), sentimentRow: false, target: 0.9 },
  { metric: 'affective kappa', pick: (r) => kappa(r.affective), sentimentRow: false },
  { metric: 'category macro-F1', pick: (r) => r.categories?.macroF1, sentimentRow: false, target: 0.7 },
  { metric: 'primary category kappa', pick: (r) => r.categories?.primaryKappa, sentimentRow: false },
  { metric: 'content-creation F1', pick: (r) => f1(r.contentCreation), sentimentRow: false, target: 0.85 },
  { metric: 'content-creation kappa', pick: (r) => kappa(r.contentCreation), sentimentRow: false },
  { metric: 'pushback F1', pick: (r) => f1(r.pushback), sentimentRow: false, target: 0.85 },
  { metric: 'pushback kappa', pick: (r) => kappa(r.pushback), sentimentRow: false },
  {
    metric: 'SST-5 accuracy (5-class)',
    pick: (r) => r.sentiment?.accuracy,
    files: isSst,
    sentimentRow: true,
    target: 0.45,
  },
  { metric: 'SST-5 MAE', pick: (r) => r.sentiment?.mae, files: isSst, sentimentRow: true },
  {
    metric: 'reference msg sentiment acc',
    pick: (r) => r.sentiment?.accuracy,
    files: (f) => f.startsWith('reference'),
    sentimentRow: true,
  },
  {
    metric: 'EmoBank valence r',
    pick: (r) => r.valenceCorrelation?.r,
    files: (f) => f.startsWith('emobank'),
    sentimentRow: true,
  },
  {
    metric: 'GoEmotions polarity macro-F1',
    pick: (r) => r.polarity?.macroF1,
    files: (f) => f.startsWith('goemotions'),
    sentimentRow: true,
  },
  {
    metric: 'Topical-Chat polarity macro-F1',
    pick: (r) => r.polarity?.macroF1,
    files: (f) => f.startsWith('topical'),
    sentimentRow: true,
  },
  {
    metric: 'ESConv change direction right',
    pick: (r) => r.sentimentChange?.share,
    files: (f) => f.startsWith('esconv'),
    sentimentRow: true,
  },
];

/** The figure a file is mainly there to test, by the labels it has. */
function keyMetrics(r: ValidationReport): [string, number | undefined][] {
  const out: [string, number | undefined][] = [];
  const bin = (name: string, m?: BinaryMetrics) => {
    if (!m) return;
    // A one-class gold set has no F1 to speak of; accuracy is recall or specificity there.
    const oneClass = m.tp + m.fn === 0 || m.tn + m.fp === 0;
    out.push(oneClass ? [`${name} acc`, m.accuracy] : [`${name} F1`, m.f1]);
  };
  bin('affective', r.affective);
  if (r.categories?.perLabel.some((l) => l.support > 0))
    out.push(['category macro-F1', r.categories.macroF1]);
  bin('content', r.contentCreation);
  bin('pushback', r.pushback);
  if (r.sentiment) out.push(['sentiment acc', r.sentiment.accuracy]);
  if (r.polarity) out.push(['polarity acc', r.polarity.accuracy]);
  if (r.sentimentChange) out.push(['change right', r.sentimentChange.share]);
  return out;
}

function pad(s: string, w: number, right = false): string {
  return right ? s.padStart(w) : s.padEnd(w);
}

export async function devDataReport(dir = devDataDir()): Promise<string> {
  if (!existsSync(dir)) return `dev-data: skipped (no folder at ${dir}; set AFFECTLENS_DEV_DATA)`;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const vader = createVaderBaseline();
  const engines: Engine[] = [
    { name: 'offline', run: (c) => offlineFacets(c), sentimentOnly: false },
    { name: 'keyword', run: keywordBaselineFacets, sentimentOnly: false },
  ];
  if (vader) engines.push({ name: 'VADER', run: vader, sentimentOnly: true });

  const data: FileData[] = [];
  for (const f of files) data.push(await loadFile(join(dir, f)));
  // results[engine][file]
  const results = engines.map((e) => data.map((d) => d.items.map((it) => e.run(it.conversation))));
  const perFile = engines.map((_, ei) => data.map((d, fi) => validateFacets(d.items, results[ei][fi])));

  const pooled = (ei: number, keep: (file: string) => boolean): ValidationReport => {
    const items: LabelledItem[] = [];
    const res: Facets[] = [];
    data.forEach((d, fi) => {
      if (!keep(d.file)) return;
      items.push(...d.items);
      res.push(...results[ei][fi]);
    });
    return validateFacets(items, res);
  };
  const allPooled = engines.map((_, ei) => pooled(ei, () => true));

  const W = 32;
  const C = 10;
  const lines: string[] = [];
  const total = data.reduce((a, d) => a + d.items.length, 0);
  const quarantined = data.reduce((a, d) => a + d.quarantined, 0);
  lines.push(
    `dev data: ${dir} — ${files.length} files, ${total} labelled items (${quarantined} records quarantined)`,
  );
  lines.push('');
  lines.push(
    `${pad('metric', W)}${engines.map((e) => pad(e.name, C, true)).join('')}${pad('target', C, true)}  offline vs target`,
  );
  for (const row of ROWS) {
    const cells = engines.map((e, ei) => {
      if (e.sentimentOnly && !row.sentimentRow) return '—';
      const rep = row.files ? pooled(ei, row.files) : allPooled[ei];
      const v = row.pick(rep);
      return v === undefined ? 'n/a' : fmt(v);
    });
    const offline = row.files ? row.pick(pooled(0, row.files)) : row.pick(allPooled[0]);
    const verdict =
      row.target === undefined || offline === undefined
        ? ''
        : offline >= row.target
          ? 'met'
          : `MISSED by ${fmt(row.target - offline)}`;
    lines.push(
      `${pad(row.metric, W)}${cells.map((c) => pad(c, C, true)).join('')}${pad(row.target === undefined ? '' : fmt(row.target, 2), C, true)}  ${verdict}`,
    );
  }
  lines.push('');
  lines.push('per file (key metric per label key; "acc" where the gold labels have one class only):');
  lines.push(
    `${pad('file', 28)}${pad('metric', 20)}${pad('n', 7, true)}${engines.map((e) => pad(e.name, C, true)).join('')}`,
  );
  data.forEach((d, fi) => {
    const keys = keyMetrics(perFile[0][fi]);
    if (keys.length === 0) {
      lines.push(`${pad(d.file, 28)}${pad('(no scored labels)', 20)}${pad(String(d.items.length), 7, true)}`);
      return;
    }
    for (const [name] of keys) {
      const cells = engines.map((e, ei) => {
        const isSentiment = /sentiment|polarity|change/.test(name);
        if (e.sentimentOnly && !isSentiment) return '—';
        const v = keyMetrics(perFile[ei][fi]).find(([k]) => k === name)?.[1];
        return v === undefined ? 'n/a' : fmt(v);
      });
      lines.push(
        `${pad(d.file, 28)}${pad(name, 20)}${pad(String(d.items.length), 7, true)}${cells.map((c) => pad(c, C, true)).join('')}`,
      );
    }
  });
  const shipped = writeOfflineValidation(
    ROWS.flatMap((row) => {
      const v = row.pick(row.files ? pooled(0, row.files) : allPooled[0]);
      return v === undefined ? [] : [{ metric: row.metric, value: v }];
    }),
    files.length,
    total,
  );
  lines.push('', `offline figures for reports written to ${shipped}`);
  if (process.env.AFFECTLENS_EVAL_VERBOSE === '1') {
    lines.push('', 'offline engine, all files pooled:', formatPooled(allPooled[0]));
  }
  return lines.join('\n');
}

/**
 * The offline engine's validated accuracy, for reports: `analyze` shows it in the methods section
 * when the file's rules version is the engine's. Figures only, no data.
 */
function writeOfflineValidation(
  rows: { metric: string; value: number }[],
  files: number,
  items: number,
): string {
  const file = join(PACKAGE_ROOT_PATH, 'data', 'offline', 'validation.json');
  const body = {
    rulesVersion: offlineRulesVersion(),
    summary:
      `Offline engine ${RULES_NAME} scored against human labels on the dev split of ${files} public research ` +
      `data sets (${items} labelled items): ` +
      rows
        .filter((r) => /F1|accuracy/.test(r.metric) && !/reference|EmoBank/.test(r.metric))
        .map((r) => `${r.metric} ${r.value.toFixed(2)}`)
        .join(', ') +
      '. Most sources are human-human support chats or benchmark prompts, not assistant logs: expect lower accuracy on real traffic.',
    source: 'npm run eval dev-data (../shared/data/dev, see its README for sources and label mappings)',
    metrics: rows.map((r) => ({
      facet: r.metric.split(' ')[0],
      metric: r.metric,
      value: Number(r.value.toFixed(4)),
    })),
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}

function formatPooled(r: ValidationReport): string {
  return JSON.stringify(
    {
      affective: r.affective && {
        tp: r.affective.tp,
        fp: r.affective.fp,
        fn: r.affective.fn,
        tn: r.affective.tn,
      },
      categories: r.categories?.perLabel,
      confusion: r.categories?.confusion,
      pushback: r.pushback && { tp: r.pushback.tp, fp: r.pushback.fp, fn: r.pushback.fn, tn: r.pushback.tn },
      content: r.contentCreation && {
        tp: r.contentCreation.tp,
        fp: r.contentCreation.fp,
        fn: r.contentCreation.fn,
        tn: r.contentCreation.tn,
      },
    },
    null,
    1,
  );
}

export const devDataSection: EvalSection = {
  name: 'dev-data',
  description: 'offline engine vs keyword baseline vs VADER on every labelled dev file (../shared/data/dev)',
  run: () => devDataReport(),
};
