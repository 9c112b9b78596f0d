/**
 * A ReportInput whose records carry what the longitudinal sections need: timestamps over four months
 * (the affective share rises), a segment field (`model`: three large values, one with markup in its
 * name, and a small one used by a single heavy user), drifting long conversations, dependency cues,
 * and a handful of heavy users. Hand-made, deterministic, no other stage needed.
 */
import { accumulateAnalyses } from '../../src/analysis/accumulate.js';
import type { AnalysisRecord } from '../../src/analysis/record.js';
import { noDependencyCues } from '../../src/facets/dependencyCues.js';
import {
  type Category,
  CRISIS_KINDS,
  type SentimentValue,
  STANCES,
  type SupportFacets,
} from '../../src/facets/schema.js';
import type { AccumulatedReportInput } from '../../src/report/reportInput.js';
import { fixtureInput, record } from './reportFixture.js';

export const MARKUP_SEGMENT = '<b>beta</b>';

const RISING: SentimentValue[] = [-1, -0.5, -0.5, 0, 0.5, 0.5, 0.5];
const CYCLE: Category[] = ['interpersonal_advice', 'coaching', 'counseling', 'companionship'];

function dated(month: number, day: number): string {
  return `2025-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00.000Z`;
}

export function longitudinalRecords(): AnalysisRecord[] {
  const out: AnalysisRecord[] = [];
  for (let i = 0; i < 1600; i++) {
    const month = i % 4;
    const affective = i % 100 < [8, 12, 16, 20][month];
    const category = CYCLE[Math.floor(i / 4) % CYCLE.length];
    const long = affective && i % 3 === 0;
    const r = record(`l${i}`, {
      user: `u${i % 160}`,
      categories: affective ? [category] : [],
      human: long ? 14 : affective ? 7 : 2,
      sentiment: long ? [...RISING, ...RISING.slice(0, 7)] : affective ? RISING : undefined,
      pushback: affective && i % 5 === 0 ? 'false_premise' : false,
    });
    r.createdAt = dated(month, 1 + (i % 27));
    r.segment = i % 5 < 2 ? 'alpha' : i % 5 < 4 ? MARKUP_SEGMENT : 'delta';
    if (long) {
      // Half of the long coaching and counseling conversations end as companionship.
      const drifts = (category === 'coaching' || category === 'counseling') && i % 2 === 0;
      r.facets.drift = { first: [category], last: drifts ? ['companionship'] : [category] };
    } else if (r.humanMessages >= 12) r.facets.drift = { first: [], last: [] };
    r.facets.dependency = { ...noDependencyCues(), mainSupport: category === 'companionship' && i % 6 === 0 };
    r.facets.support = supportOf(i, affective, category);
    out.push(r);
  }
  // Heavy users: many long companionship conversations, often leaning on the assistant.
  for (let u = 0; u < 8; u++) {
    for (let k = 0; k < 12; k++) {
      const r = record(`h${u}-${k}`, {
        user: `heavy-${u}`,
        categories: ['companionship'],
        human: 20,
        sentiment: Array.from({ length: 20 }, () => 0 as SentimentValue),
      });
      r.createdAt = dated(k % 4, 3 + u);
      r.segment = 'alpha';
      r.facets.drift = { first: ['companionship'], last: ['companionship'] };
      r.facets.dependency = { ...noDependencyCues(), mainSupport: k % 2 === 0, lossDistress: k % 3 === 0 };
      out.push(r);
    }
  }
  // One heavy user alone in a small segment.
  for (let k = 0; k < 15; k++) {
    const r = record(`solo-${k}`, {
      user: 'solo',
      categories: ['companionship'],
      human: 8,
      sentiment: RISING,
    });
    r.createdAt = dated(k % 4, 20);
    r.segment = 'gamma';
    r.facets.dependency = { ...noDependencyCues(), prefersAssistant: true };
    out.push(r);
  }
  for (const r of out) r.facets.support ??= supportOf(0, false, 'companionship');
  return out;
}

/**
 * The support facets (issue 17): counseling conversations often carry a crisis signal and a referral,
 * the stances cycle, and a few supportive answers validate something harmful.
 */
function supportOf(i: number, affective: boolean, category: Category): SupportFacets {
  const crisisKind = affective && category === 'counseling' && i % 3 !== 2 ? CRISIS_KINDS[i % 4] : null;
  const stance = affective ? STANCES[i % 5] : 'not_applicable';
  return {
    referral: crisisKind
      ? i % 2 === 0
        ? 'crisis_line'
        : 'professional'
      : affective && i % 9 === 0
        ? 'people'
        : 'none',
    crisis: crisisKind !== null,
    crisisKind,
    stance,
    validatesHarmful: stance === 'strong_support' && i % 2 === 0,
  };
}

export function longitudinalInput(): AccumulatedReportInput {
  const records = longitudinalRecords();
  const { records: _ignored, ...base } = fixtureInput();
  return {
    ...base,
    counts: { read: records.length, quarantined: 0, quarantineReasons: {} },
    topics: [],
    reasonTopics: [],
    analysis: accumulateAnalyses(records, { period: 'month', segmentBy: 'model' }),
  };
}
