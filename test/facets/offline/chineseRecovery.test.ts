/**
 * The offline engine recovers the truth of the generator's Chinese share (src/synth, Chinese
 * templates): the affective share, content creation and per-message sentiment, over seeded corpora.
 * An optimistic bound (the corpus is written from templates), but it fails when the Chinese rules
 * stop reading Chinese: before them, every Chinese user message was neutral.
 */
import { describe, expect, it } from 'vitest';
import { offlineFacets } from '../../../src/facets/offline/facets.js';
import { generateConversations } from '../../../src/synth/generate.js';

function f1(pred: boolean[], gold: boolean[]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  pred.forEach((p, i) => {
    if (p && gold[i]) tp++;
    else if (p) fp++;
    else if (gold[i]) fn++;
  });
  return (2 * tp) / (2 * tp + fp + fn);
}

describe('Chinese share of the synthetic corpus', () => {
  it.each([31, 32, 33])('recovers the affective share, content creation and sentiment (seed %i)', (seed) => {
    const records = [
      ...generateConversations({ n: 1500, seed, affectiveShare: 0.3, chineseShare: 1 }),
    ].filter((r) => r.truth.language === 'zh');
    expect(records.length).toBeGreaterThan(1400);
    const out = records.map((r) => offlineFacets(r.conversation));
    const trueShare = records.filter((r) => r.truth.categories.length > 0).length / records.length;
    const estimated = out.filter((o) => o.categories.length > 0).length / records.length;
    expect(Math.abs(estimated - trueShare)).toBeLessThan(0.05);
    expect(
      f1(
        out.map((o) => o.categories.length > 0),
        records.map((r) => r.truth.categories.length > 0),
      ),
    ).toBeGreaterThan(0.8);
    expect(
      f1(
        out.map((o) => o.contentCreation),
        records.map((r) => r.truth.contentCreation),
      ),
    ).toBeGreaterThan(0.85);
    let same = 0;
    let n = 0;
    records.forEach((r, i) => {
      r.truth.sentiment.forEach((v, k) => {
        n++;
        if (out[i].sentiment[k] === v) same++;
      });
    });
    expect(same / n).toBeGreaterThan(0.8);
  });
});
