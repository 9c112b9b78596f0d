/**
 * Every headline figure per segment, side by side (the study was one platform's snapshot): the value of
 * one metadata field of the input records (`--segment-by model`, `country`, an app version...). The
 * segments are gated as one set: their totals are the whole log's figures, so a small segment must not
 * be recoverable as the total minus the others, and a segment is named only when its size is shown.
 */
import type { Category } from '../facets/schema.js';
import { releaseSegmentLabel } from '../privacy/cellSets.js';
import type { KeyList } from '../util/keyTable.js';
import { type HeadlineCell, HeadlineTally, type SliceOptions, sliceCells } from './cellFigures.js';
import { Composite, KeyedParts } from './mergeable.js';
import { PerStratum } from './perStratum.js';
import type { AnalysisRecord } from './record.js';
import type { NotAvailable } from './userFigures.js';

/** Distinct values followed one by one; values first met after these are grouped as "other values". */
export const MAX_SEGMENTS = 50;

export const SEGMENT_KINDS = ['value', 'other', 'missing'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export type SegmentFigures = { segment: string; kind: SegmentKind } & HeadlineCell;

export interface SegmentsShown {
  available: true;
  field: string;
  /** Shown segments, largest first. */
  segments: SegmentFigures[];
  /** Segments withheld whole (their size is below the thresholds, or would give a small one away). */
  withheld: number;
  /** Distinct values seen beyond MAX_SEGMENTS, grouped as one "other values" segment. */
  groupedValues: number;
}

export type Segments = (NotAvailable | SegmentsShown) & { suppressed: number };

const OTHER = '\u0000other';
const MISSING = '\u0000missing';

/**
 * Thrown when shards' segment states cannot be merged exactly: together they hold more than
 * MAX_SEGMENTS values, so which values get their own segment depends on the order of the whole log
 * (the merge then folds the shards' records instead).
 */
export class SegmentsNotMergeable extends Error {
  constructor(values: number) {
    super(
      `the shards hold ${values} or more distinct segment values (over ${MAX_SEGMENTS}: which get their own segment depends on the whole log's order)`,
    );
    this.name = 'SegmentsNotMergeable';
  }
}

export class SegmentAccumulator extends Composite {
  private readonly cells = new Map<string, HeadlineTally>();
  private readonly units = new PerStratum();
  private values = 0;
  private readonly grouped = new Set<string>();
  private withValue = 0;

  constructor(readonly field: string) {
    super();
  }

  /**
   * `categories` is effectiveCategories(r); `change` its sentiment change (null when none); `position`
   * the record's among all records.
   */
  add(r: AnalysisRecord, categories: readonly Category[], change: number | null, position: number): void {
    if (r.facets.status.kind === 'error') return;
    this.units.add(r.stratum ?? 0);
    let key: string;
    if (r.segment === undefined) key = MISSING;
    else {
      this.withValue++;
      key = `v${r.segment}`;
      if (!this.cells.has(key)) {
        if (this.values < MAX_SEGMENTS) this.values++;
        else {
          // Only the count of grouped values is reported; the set is bounded by what it would cost
          // to follow them, so stop adding once it is clearly "many".
          if (this.grouped.size < 10_000) this.grouped.add(r.segment);
          key = OTHER;
        }
      }
    }
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
    return ['withValue'];
  }

  /** Throws SegmentsNotMergeable when the values seen together exceed MAX_SEGMENTS (see there). */
  override absorb(s: Record<string, unknown>, keys: KeyList): void {
    const overflowed = (x: Record<string, unknown>) =>
      (x.cells as [string, unknown][]).some(([k]) => k === OTHER);
    if (overflowed(s) || this.cells.has(OTHER)) throw new SegmentsNotMergeable(MAX_SEGMENTS + 1);
    super.absorb(s, keys);
    const values = [...this.cells.keys()].filter((k) => k !== MISSING).length;
    if (values > MAX_SEGMENTS) throw new SegmentsNotMergeable(values);
    this.values = values;
  }

  result(options: SliceOptions): Segments {
    if (this.withValue === 0)
      return {
        available: false,
        reason: `no analysed conversation has the metadata field "${this.field}" (see the README: which fields each input format keeps)`,
        suppressed: 0,
      };
    const { keys, gate, cells } = sliceCells(this.cells, this.units, options, (k) => `segment:${k}`, true);
    const shown = keys
      .map((key, i) => ({ key, cell: cells[i] }))
      .filter((x) => !x.cell.conversations.suppressed)
      .sort((a, b) => sizeOf(b.cell) - sizeOf(a.cell) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return {
      available: true,
      field: this.field,
      segments: shown.map(({ key, cell }, i) => ({
        segment:
          key === OTHER
            ? 'other values'
            : key === MISSING
              ? 'no value'
              : releaseSegmentLabel(key.slice(1), i),
        kind: key === OTHER ? 'other' : key === MISSING ? 'missing' : 'value',
        ...cell,
      })),
      withheld: keys.length - shown.length,
      groupedValues: this.grouped.size,
      suppressed: gate.suppressed,
    };
  }
}

function sizeOf(c: HeadlineCell): number {
  return c.conversations.suppressed ? 0 : c.conversations.conversations;
}
