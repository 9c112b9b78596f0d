/**
 * One CSV table per figure (RFC 4180 quoting). Suppressed figures keep their row, with empty cells
 * and suppressed=true, so a reader sees that a group exists but is withheld.
 */
import type { Report, ReportTopicTree, TopicNodeShape as TopicNode } from './reportSchema.js';

type Cell = string | number | boolean | null;

/**
 * Quotes a cell when it holds a comma, quote or line break. A text cell that starts with = + - @ or a
 * tab is prefixed with ' so a spreadsheet does not run it as a formula (cluster names are machine-written).
 */
export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvTable(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function prevalenceCsv(r: Report): string {
  const p = r.prevalence;
  const rows: Cell[][] = [
    [
      'all_affective',
      false,
      p.affective.count,
      p.n,
      p.affective.share,
      p.affective.interval.low,
      p.affective.interval.high,
    ],
  ];
  for (const c of p.categories) {
    rows.push(
      c.suppressed
        ? [c.category, true, null, null, null, null, null]
        : [c.category, false, c.count, c.n, c.share, c.interval.low, c.interval.high],
    );
  }
  return csvTable(['group', 'suppressed', 'conversations', 'n', 'share', 'ci_low', 'ci_high'], rows);
}

export function pushbackCsv(r: Report): string {
  const rows: Cell[][] = [];
  for (const g of [r.pushback.allAffective, ...r.pushback.categories]) {
    if (g.suppressed) {
      rows.push([g.group, true, null, null, null, null, null, null]);
      continue;
    }
    const top = g.reasons
      .filter((x) => !x.suppressed)
      .map((x) => x.reason)
      .join(';');
    rows.push([g.group, false, g.pushback, g.n, g.rate, g.interval.low, g.interval.high, top]);
  }
  return csvTable(
    ['group', 'suppressed', 'pushback', 'n', 'rate', 'ci_low', 'ci_high', 'reasons_by_frequency'],
    rows,
  );
}

export function pushbackReasonsCsv(r: Report): string {
  const rows: Cell[][] = [];
  for (const g of [r.pushback.allAffective, ...r.pushback.categories]) {
    if (g.suppressed) continue;
    for (const x of g.reasons) {
      rows.push(
        x.suppressed ? [g.group, x.reason, true, null, null] : [g.group, x.reason, false, x.count, x.share],
      );
    }
  }
  return csvTable(['group', 'reason', 'suppressed', 'conversations', 'share_of_pushback'], rows);
}

export function sentimentChangeCsv(r: Report): string {
  const s = r.sentimentChange;
  const rows: Cell[][] = [];
  for (const g of [s.allAffective, ...s.categories]) {
    if (g.suppressed) {
      rows.push([g.group, true, null, null, null, null, null, null, null]);
      continue;
    }
    const d = g.distribution;
    rows.push([
      g.group,
      false,
      g.n,
      g.meanChange,
      g.interval.low,
      g.interval.high,
      d.betterShare,
      d.sameShare,
      d.worseShare,
    ]);
  }
  return csvTable(
    [
      'group',
      'suppressed',
      'n',
      'mean_change',
      'ci_low',
      'ci_high',
      'better_share',
      'same_share',
      'worse_share',
    ],
    rows,
  );
}

export function topicsCsv(r: Report): string {
  const rows: Cell[][] = [];
  const walk = (tree: ReportTopicTree, nodes: TopicNode[], parent: string | null, depth: number) => {
    for (const n of nodes) {
      rows.push([
        tree.group,
        n.id,
        parent,
        depth,
        n.name,
        n.description,
        n.conversations,
        n.users,
        tree.total === 0 ? 0 : n.conversations / tree.total,
      ]);
      walk(tree, n.children, n.id, depth + 1);
    }
  };
  const trees = [
    ...r.topics,
    ...(r.longConversations.topics ? [r.longConversations.topics] : []),
    ...r.pushback.reasonTopics,
  ];
  for (const t of trees) walk(t, t.topics, null, 0);
  return csvTable(
    ['group', 'id', 'parent_id', 'depth', 'name', 'description', 'conversations', 'users', 'share_of_group'],
    rows,
  );
}

export function funnelCsv(r: Report): string {
  const f = r.funnel;
  const rows: Cell[][] = [
    ['read', f.read],
    ['quarantined', f.quarantined],
    ['excluded', f.excluded],
    ['excluded_errors', f.errors],
    ['excluded_not_analysed', f.notAnalysed],
    ['analysed', f.analysed],
    ['insufficient_input', f.insufficientInput],
    ['content_creation', f.contentCreation],
    ['affective_before_roleplay_rule', f.affectiveBeforeRoleplayRule],
    ['dropped_by_roleplay_rule', f.droppedByRoleplayRule],
    ['affective', f.affective],
  ];
  return csvTable(['stage', 'conversations'], rows);
}

export const CSV_TABLES: Record<string, (r: Report) => string> = {
  'prevalence.csv': prevalenceCsv,
  'topics.csv': topicsCsv,
  'pushback.csv': pushbackCsv,
  'pushback_reasons.csv': pushbackReasonsCsv,
  'sentiment_change.csv': sentimentChangeCsv,
  'funnel.csv': funnelCsv,
};
