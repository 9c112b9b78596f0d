/**
 * Calendar periods for the over-time figures: ISO weeks (Monday to Sunday) or calendar months, in UTC
 * (logs rarely say the user's time zone, and one zone for every conversation keeps periods comparable).
 */

export const PERIODS = ['week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

/** The period the over-time figures use when the caller does not choose one. */
export const DEFAULT_PERIOD: Period = 'month';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The period a timestamp falls in, as a key that sorts in time order: '2025-03' for a month, the
 * Monday that starts the week ('2025-03-03') for a week. null when there is no usable timestamp.
 */
export function periodOf(createdAt: string | undefined, period: Period): string | null {
  if (createdAt === undefined || createdAt === '') return null;
  const t = Date.parse(createdAt);
  if (!Number.isFinite(t)) return null;
  const d = new Date(t);
  if (period === 'month') return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  const dayOfWeek = (d.getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - dayOfWeek * DAY_MS);
  return monday.toISOString().slice(0, 10);
}

/** When the period starts (ISO date), for charts. */
export function periodStart(key: string, period: Period): string {
  return period === 'month' ? `${key}-01` : key;
}
