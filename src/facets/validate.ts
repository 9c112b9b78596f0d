/**
 * Scores facet results against labels, the way the study validated its classifiers: precision,
 * recall, F1, Cohen's kappa and a confusion matrix per facet. A label key that is absent is
 * skipped, never guessed; a key that is present but malformed is an error naming the record.
 */
import type { Conversation } from '../conversation/model.js';
import {
  type BinaryMetrics,
  binaryMetrics,
  type ConfusionMatrix,
  type LabelScores,
  type MulticlassMetrics,
  meanAbsoluteError,
  multiclassMetrics,
  multilabelMetrics,
} from './metrics.js';
import {
  CATEGORIES,
  type Category,
  CRISIS_KINDS,
  type Facets,
  REFERRALS,
  SENTIMENT_VALUES,
  STANCES,
} from './schema.js';
import {
  changeDirection,
  SENTIMENT_MIN_HUMAN_MESSAGES,
  SENTIMENT_SAME_BAND,
  sentimentChangeOf,
} from './sentimentChange.js';

export interface LabelledItem {
  conversation: Conversation;
  labels: Record<string, unknown>;
}

export interface CategoryReport {
  n: number;
  perLabel: (LabelScores & { kappa: number })[];
  /** Mean F1 over the categories that occur in the gold labels. */
  macroF1: number;
  /** Gold primary category (or 'none') vs predicted primary category. */
  confusion: ConfusionMatrix;
  primaryAccuracy: number;
  primaryKappa: number;
}

export interface SentimentReport extends MulticlassMetrics {
  mae: number;
}

export interface SentimentChangeReport {
  n: number;
  correct: number;
  share: number;
  /** Per gold outcome (improved / unchanged / worse): [n, correct]. */
  byOutcome: Record<string, { n: number; correct: number }>;
  rule: string;
}

export interface ValidationReport {
  items: number;
  /** Results with status 'error': left out of every metric. */
  errors: number;
  affective?: BinaryMetrics;
  contentCreation?: BinaryMetrics;
  pushback?: BinaryMetrics;
  categories?: CategoryReport;
  /** 5-point sentiment of user messages (per-message labels and message-level records). */
  sentiment?: SentimentReport;
  /** Polarity agreement (positive / neutral / negative), ambiguous and mixed labels skipped. */
  polarity?: MulticlassMetrics;
  /** Pearson correlation of predicted 5-point sentiment with a continuous valence label. */
  valenceCorrelation?: { n: number; r: number };
  sentimentChange?: SentimentChangeReport;
  /** The support facets (issue 17), where labels carry them and the engine decided them. */
  referral?: MulticlassMetrics;
  crisis?: BinaryMetrics;
  /** Kind of crisis signal ('none' when there is none), over the same conversations. */
  crisisKind?: MulticlassMetrics;
  stance?: MulticlassMetrics;
  validatesHarmful?: BinaryMetrics;
  /** Labelled conversations whose result has no support facets (left out of those metrics). */
  supportNotDecided?: number;
}

const SENTIMENT_KEYS = SENTIMENT_VALUES.map(String);
/** The report's direction that agrees with each labelled outcome. */
const EXPECTED_DIRECTION = { improved: 'better', unchanged: 'same', worse: 'worse' } as const;
const POLARITIES = ['negative', 'neutral', 'positive'];

function where(item: LabelledItem): string {
  const s = item.conversation.source;
  return `${s.file} ${s.unit} ${s.position} (${item.conversation.id})`;
}

function badLabel(item: LabelledItem, field: string, expected: string): Error {
  return new Error(`${where(item)}: labels.${field} should be ${expected}`);
}

export function boolLabel(item: LabelledItem, key: string): boolean | undefined {
  const v = item.labels[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw badLabel(item, key, 'true or false');
  return v;
}

function snapSentiment(v: number): number {
  let best = SENTIMENT_VALUES[0] as number;
  for (const s of SENTIMENT_VALUES) if (Math.abs(s - v) < Math.abs(best - v)) best = s;
  return best;
}

export function goldCategories(item: LabelledItem): Category[] | undefined {
  const list = item.labels.categories;
  if (Array.isArray(list)) {
    for (const c of list)
      if (!(CATEGORIES as readonly string[]).includes(c as string))
        throw badLabel(item, 'categories', 'a list of categories');
    return list as Category[];
  }
  if (list !== undefined && list !== null) throw badLabel(item, 'categories', 'a list of categories');
  const one = item.labels.category;
  if (one === undefined || one === null) return undefined;
  if (one === 'none') return [];
  if (typeof one !== 'string' || !(CATEGORIES as readonly string[]).includes(one))
    throw badLabel(item, 'category', `one of ${CATEGORIES.join(', ')} or 'none'`);
  return [one as Category];
}

/** A label that must be one of `allowed` (absent: undefined). */
function enumLabel(item: LabelledItem, key: string, allowed: readonly string[]): string | undefined {
  const v = item.labels[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !allowed.includes(v))
    throw badLabel(item, key, `one of ${allowed.join(', ')}`);
  return v;
}

function polarityOf(v: number): string {
  return v > 0 ? 'positive' : v < 0 ? 'negative' : 'neutral';
}

function groupPolarity(g: unknown): string | undefined {
  return g === 'positive' || g === 'negative' || g === 'neutral' ? g : undefined;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function pearson(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

export function validateFacets(items: readonly LabelledItem[], results: readonly Facets[]): ValidationReport {
  if (items.length !== results.length)
    throw new Error(`validateFacets: ${items.length} labelled items but ${results.length} results`);
  const bin = { affective: [[], []], content_creation: [[], []], pushback: [[], []] } as Record<
    string,
    [boolean[], boolean[]]
  >;
  const catGold: Category[][] = [];
  const catPred: Category[][] = [];
  const sentGold: number[] = [];
  const sentPred: number[] = [];
  const polGold: string[] = [];
  const polPred: string[] = [];
  const valence: [number[], number[]] = [[], []];
  const change = { n: 0, correct: 0, byOutcome: {} as Record<string, { n: number; correct: number }> };
  const support = {
    referral: [[], []] as [string[], string[]],
    crisis: [[], []] as [boolean[], boolean[]],
    crisisKind: [[], []] as [string[], string[]],
    stance: [[], []] as [string[], string[]],
    validates: [[], []] as [boolean[], boolean[]],
  };
  let supportNotDecided = 0;
  let errors = 0;

  items.forEach((item, i) => {
    const r = results[i];
    if (r.status.kind === 'error') {
      errors++;
      return;
    }
    for (const key of Object.keys(bin)) {
      const gold = boolLabel(item, key);
      if (gold === undefined) continue;
      const pred =
        key === 'affective'
          ? r.categories.length > 0
          : key === 'content_creation'
            ? r.contentCreation
            : r.pushback;
      bin[key][0].push(gold);
      bin[key][1].push(pred);
    }
    const gc = goldCategories(item);
    if (gc !== undefined) {
      catGold.push(gc);
      catPred.push(r.categories);
    }

    const userIdx: number[] = [];
    item.conversation.messages.forEach((m, k) => {
      if (m.role === 'user') userIdx.push(k);
    });
    const perMessage = item.labels.sentiment;
    if (Array.isArray(perMessage)) {
      if (perMessage.length !== r.sentiment.length)
        throw badLabel(item, 'sentiment', `one value per user message (${r.sentiment.length})`);
      perMessage.forEach((v, k) => {
        if (v === null || v === undefined) return;
        if (typeof v !== 'number' || v < -1 || v > 1)
          throw badLabel(item, `sentiment[${k}]`, 'a number in -1..1');
        sentGold.push(snapSentiment(v));
        sentPred.push(r.sentiment[k]);
      });
    }
    const messageLabel = item.labels.label;
    if (messageLabel !== undefined && messageLabel !== null && r.sentiment.length === 1) {
      if (typeof messageLabel !== 'number' || messageLabel < -1 || messageLabel > 1)
        throw badLabel(item, 'label', 'a number in -1..1');
      sentGold.push(snapSentiment(messageLabel));
      sentPred.push(r.sentiment[0]);
    }
    const val = item.labels.valence;
    if (typeof val === 'number' && r.sentiment.length === 1) {
      valence[0].push(val);
      valence[1].push(r.sentiment[0]);
    }
    const group = groupPolarity(item.labels.sentiment_group);
    if (group !== undefined && r.sentiment.length === 1) {
      polGold.push(group);
      polPred.push(polarityOf(r.sentiment[0]));
    }
    const groups = item.labels.message_sentiment_group;
    if (Array.isArray(groups)) {
      if (groups.length !== item.conversation.messages.length)
        throw badLabel(item, 'message_sentiment_group', 'one value per message');
      userIdx.forEach((msgIndex, k) => {
        const g = groupPolarity(groups[msgIndex]);
        if (g === undefined) return;
        polGold.push(g);
        polPred.push(polarityOf(r.sentiment[k]));
      });
    }

    const gReferral = enumLabel(item, 'referral', REFERRALS);
    const gCrisis = boolLabel(item, 'crisis');
    const gKind = item.labels.crisis_kind === null ? 'none' : enumLabel(item, 'crisis_kind', CRISIS_KINDS);
    const gStance = enumLabel(item, 'stance', STANCES);
    const gValidates = boolLabel(item, 'validates_harmful');
    const anySupport = [gReferral, gCrisis, gKind, gStance, gValidates].some((g) => g !== undefined);
    const s = r.support;
    if (anySupport && !s) supportNotDecided++;
    else if (s) {
      const add = <T>(pair: [T[], T[]], gold: T | undefined, pred: T) => {
        if (gold === undefined) return;
        pair[0].push(gold);
        pair[1].push(pred);
      };
      add(support.referral, gReferral, s.referral);
      add(support.crisis, gCrisis, s.crisis);
      add(support.crisisKind, gKind, s.crisisKind ?? 'none');
      add(support.stance, gStance, s.stance);
      add(support.validates, gValidates, s.validatesHarmful);
    }

    const start = item.labels.intensity_start;
    const end = item.labels.intensity_end;
    if (typeof start === 'number' && typeof end === 'number') {
      const delta = sentimentChangeOf(r.sentiment);
      if (delta !== null) {
        // Intensity is of the negative emotion: a decrease means the user felt better.
        const outcome = end < start ? 'improved' : end === start ? 'unchanged' : 'worse';
        const ok = changeDirection(delta) === EXPECTED_DIRECTION[outcome];
        change.n++;
        if (ok) change.correct++;
        change.byOutcome[outcome] ??= { n: 0, correct: 0 };
        const b = change.byOutcome[outcome];
        b.n++;
        if (ok) b.correct++;
      }
    }
  });

  const report: ValidationReport = { items: items.length, errors };
  if (bin.affective[0].length > 0) report.affective = binaryMetrics(...bin.affective);
  if (bin.content_creation[0].length > 0) report.contentCreation = binaryMetrics(...bin.content_creation);
  if (bin.pushback[0].length > 0) report.pushback = binaryMetrics(...bin.pushback);
  if (catGold.length > 0) {
    const ml = multilabelMetrics(catGold, catPred, CATEGORIES);
    const primary = multiclassMetrics(
      catGold.map((g) => g[0] ?? 'none'),
      catPred.map((p) => p[0] ?? 'none'),
      [...CATEGORIES, 'none'],
    );
    report.categories = {
      n: catGold.length,
      perLabel: ml.perLabel,
      macroF1: ml.macroF1,
      confusion: primary.confusion,
      primaryAccuracy: primary.accuracy,
      primaryKappa: primary.kappa,
    };
  }
  if (sentGold.length > 0) {
    report.sentiment = {
      ...multiclassMetrics(sentGold.map(String), sentPred.map(String), SENTIMENT_KEYS),
      mae: meanAbsoluteError(sentGold, sentPred),
    };
  }
  if (polGold.length > 0) report.polarity = multiclassMetrics(polGold, polPred, POLARITIES);
  if (valence[0].length > 1)
    report.valenceCorrelation = { n: valence[0].length, r: pearson(valence[0], valence[1]) };
  if (support.referral[0].length > 0) report.referral = multiclassMetrics(...support.referral, REFERRALS);
  if (support.crisis[0].length > 0) report.crisis = binaryMetrics(...support.crisis);
  if (support.crisisKind[0].length > 0)
    report.crisisKind = multiclassMetrics(...support.crisisKind, [...CRISIS_KINDS, 'none']);
  if (support.stance[0].length > 0) report.stance = multiclassMetrics(...support.stance, STANCES);
  if (support.validates[0].length > 0) report.validatesHarmful = binaryMetrics(...support.validates);
  if (supportNotDecided > 0) report.supportNotDecided = supportNotDecided;
  if (change.n > 0) {
    report.sentimentChange = {
      ...change,
      share: change.correct / change.n,
      rule:
        `conversations with intensity labels and >= ${SENTIMENT_MIN_HUMAN_MESSAGES} user messages; change = mean of last 3 ` +
        `minus first 3 predicted sentiments, read as the report reads it: improved (intensity fell) needs ` +
        `change > ${SENTIMENT_SAME_BAND}, unchanged |change| <= ${SENTIMENT_SAME_BAND}, worse change < -${SENTIMENT_SAME_BAND}`,
    };
  }
  return report;
}

export function fmt(x: number, digits = 3): string {
  return Number.isNaN(x) ? '—' : x.toFixed(digits);
}

function formatConfusion(c: ConfusionMatrix, indent = '    '): string[] {
  const w = Math.max(6, ...c.labels.map((l) => l.length)) + 1;
  const first = Math.max(w, 12);
  const head = `${indent}${'gold \\ pred'.padEnd(first)}${c.labels.map((l) => l.padStart(w)).join('')}`;
  return [
    head,
    ...c.labels.map(
      (l, i) => `${indent}${l.padEnd(first)}${c.counts[i].map((n) => String(n).padStart(w)).join('')}`,
    ),
  ];
}

function formatBinary(name: string, m: BinaryMetrics): string[] {
  return [
    `${name}: n=${m.n} precision=${fmt(m.precision)} recall=${fmt(m.recall)} F1=${fmt(m.f1)} kappa=${fmt(m.kappa)} accuracy=${fmt(m.accuracy)}`,
    ...formatConfusion(m.confusion),
  ];
}

export function formatValidationReport(r: ValidationReport): string {
  const out: string[] = [
    `items: ${r.items}${r.errors > 0 ? ` (${r.errors} engine errors left out of every metric)` : ''}`,
  ];
  if (r.affective) out.push(...formatBinary('affective', r.affective));
  if (r.contentCreation) out.push(...formatBinary('content creation', r.contentCreation));
  if (r.pushback) out.push(...formatBinary('pushback', r.pushback));
  if (r.categories) {
    const c = r.categories;
    out.push(`categories: n=${c.n} macro-F1=${fmt(c.macroF1)} (over categories present in the labels)`);
    for (const l of c.perLabel)
      out.push(
        `    ${l.label.padEnd(22)} support=${String(l.support).padStart(5)} predicted=${String(l.predicted).padStart(5)} P=${fmt(l.precision)} R=${fmt(l.recall)} F1=${fmt(l.f1)} kappa=${fmt(l.kappa)}`,
      );
    out.push(`  primary category: accuracy=${fmt(c.primaryAccuracy)} kappa=${fmt(c.primaryKappa)}`);
    out.push(...formatConfusion(c.confusion));
  }
  if (r.sentiment) {
    const s = r.sentiment;
    out.push(
      `sentiment (5-point): n=${s.n} accuracy=${fmt(s.accuracy)} MAE=${fmt(s.mae)} kappa=${fmt(s.kappa)} macro-F1=${fmt(s.macroF1)}`,
    );
    out.push(...formatConfusion(s.confusion));
  }
  if (r.polarity) {
    const p = r.polarity;
    out.push(
      `sentiment polarity: n=${p.n} accuracy=${fmt(p.accuracy)} kappa=${fmt(p.kappa)} macro-F1=${fmt(p.macroF1)}`,
    );
    out.push(...formatConfusion(p.confusion));
  }
  if (r.valenceCorrelation)
    out.push(`valence correlation: n=${r.valenceCorrelation.n} r=${fmt(r.valenceCorrelation.r)}`);
  if (r.sentimentChange) {
    const c = r.sentimentChange;
    const parts = Object.entries(c.byOutcome).map(([k, v]) => `${k} ${v.correct}/${v.n}`);
    out.push(`sentiment change direction: n=${c.n} right=${fmt(c.share)} (${parts.join(', ')})`);
    out.push(`    rule: ${c.rule}`);
  }
  const multi = (name: string, m: MulticlassMetrics) => [
    `${name}: n=${m.n} accuracy=${fmt(m.accuracy)} kappa=${fmt(m.kappa)} macro-F1=${fmt(m.macroF1)}`,
    ...formatConfusion(m.confusion),
  ];
  if (r.referral) out.push(...multi('referral', r.referral));
  if (r.crisis) out.push(...formatBinary('crisis signal', r.crisis));
  if (r.crisisKind) out.push(...multi('crisis kind', r.crisisKind));
  if (r.stance) out.push(...multi('stance', r.stance));
  if (r.validatesHarmful) out.push(...formatBinary('validates harmful', r.validatesHarmful));
  if (r.supportNotDecided)
    out.push(
      `support facets: ${r.supportNotDecided} labelled conversations left out (the engine or its prompt version does not decide them)`,
    );
  if (out.length === 1) out.push('no label key that validate scores was found');
  return out.join('\n');
}
