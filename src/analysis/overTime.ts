/**
 * Every headline figure per week or month (the study was one snapshot): the affective share and each
 * category's, pushback, sentiment change and very long conversations, per period with their intervals,
 * and a test of change between the first and the last period in which each figure is shown.
 * Conversations are bucketed by their start time (UTC); undated ones are counted and left out.
 */
import type { Category } from '../facets/schema.js';
import {
  HEADLINE_SERIES,
  type HeadlineCell,
  type HeadlineSeries,
  HeadlineTally,
  type SliceOptions,
  seriesValue,
  sliceCells,
} from './cellFigures.js';
import { type Change, changeBetween } from './changeTest.js';
import { Composite, KeyedParts } from './mergeable.js';
import { type Period, periodOf, periodStart } from './periods.js';
import { PerStratum } from './perStratum.js';
import type { AnalysisRecord } from './record.js';
import type { NotAvailable } from './userFigures.js';

export type PeriodFigures = { period: string; start: string } & HeadlineCell;

export type SeriesChange = { series: HeadlineSeries } & (
  | { available: false }
  | ({ available: true; from: string; to: string; fromValue: number; toValue: number } & Change)
);

export interface OverTimeShown {
  available: true;
  period: Period;
  /** Analysed conversations with a usable timestamp, and without one (left out of these figures). */
  dated: number;
  undated: number;
  /** In time order; periods with no conversation are absent. */
  periods: PeriodFigures[];
  /** First against last shown period, for every headline figure. */
  changes: SeriesChange[];
}

export type OverTime = (NotAvailable | OverTimeShown) & { suppressed: number };

export type { SliceOptions } from './cellFigures.js';

export class OverTimeAccumulator extends Composite {
  private readonly cells = new Map<string, HeadlineTally>();
  private readonly units = new PerStratum();
  private undated = 0;
  private dated = 0;

  constructor(readonly period: Period) {
    super();
  }

  /**
   * `categories` is effectiveCategories(r); `change` its sentiment change (null when none); `position`
   * the record's among all records.
   */
  add(r: AnalysisRecord, categories: readonly Category[], change: number | null, position: number): void {
    if (r.facets.status.kind === 'error') return;
    this.units.add(r.stratum ?? 0);
    const key = periodOf(r.createdAt, this.period);
    if (key === null) {
      this.undated++;
      return;
    }
    this.dated++;
    let t = this.cells.get(key);
    if (!t) {
      t = new HeadlineTally();
      this.cells.set(key, t);
    }
    t.add(r, categories, change, position);
  }

  protected parts() {
    return { units: this.units, cells: new KeyedParts(this.cells, () => new HeadlineTally()) };
  }

  protected override counters() {
    return ['undated', 'dated'];
  }

  /** The period key of a record (null: undated), as this accumulator buckets it. */
  periodOf(r: AnalysisRecord): string | null {
    return periodOf(r.createdAt, this.period);
  }

  result(options: SliceOptions): OverTime {
    if (this.cells.size === 0)
      return {
        available: false,
        reason:
          this.undated === 0
            ? 'no conversation was analysed'
            : 'no analysed conversation has a timestamp (the log or its format carries none)',
        suppressed: 0,
      };
    const { keys, gate, cells } = sliceCells(this.cells, this.units, options, (k) => `${this.period}:${k}`);
    const periods = keys.map((period, i) => ({
      period,
      start: periodStart(period, this.period),
      ...cells[i],
    }));
    return {
      available: true,
      period: this.period,
      dated: this.dated,
      undated: this.undated,
      periods,
      changes: HEADLINE_SERIES.map((series) => changeOf(periods, series)),
      suppressed: gate.suppressed,
    };
  }
}

function changeOf(periods: readonly PeriodFigures[], series: HeadlineSeries): SeriesChange {
  const shown = periods
    .map((p) => ({ period: p.period, v: seriesValue(p, series) }))
    .filter((x): x is { period: string; v: NonNullable<typeof x.v> } => x.v !== null);
  if (shown.length < 2) return { series, available: false };
  const first = shown[0];
  const last = shown[shown.length - 1];
  return {
    series,
    available: true,
    from: first.period,
    to: last.period,
    fromValue: first.v.value,
    toValue: last.v.value,
    ...changeBetween(first.v, last.v),
  };
}
