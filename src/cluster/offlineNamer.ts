/**
 * The offline namer: names built from whole phrases the members wrote, so they read as phrases and
 * not as word salad.
 *
 * Label mode. When most members' concerns are repeated verbatim (the offline engine
 * writes each concern as one fixed sub-topic label from its concern vocabulary), the cluster is named
 * by its most common label ("Grief after losing a loved one"); when that label is not a majority, or a
 * sub-cluster already carries it, the name says the cluster is broader ("Grief after losing a loved
 * one, plus related concerns"). The description names the other labels the members share instead of
 * repeating the name. Labels are read from the concern texts given, never from the engine.
 *
 * Phrase mode (free-text concerns). The cluster's distinctive key phrases by class-based TF-IDF
 * (c-TF-IDF, as in BERTopic) over its concerns against nearby non-members: candidates are word
 * n-grams (1-3 words) that start and end on a content word with only a preposition inside
 * ("anxiety about work", "fear of failure"); at most two, joined by "and", no word twice. For a term t,
 *   score(t) = (df_member(t) / N_member) × ln(1 + (N_member + N_contrast) / (df_member(t) + df_contrast(t)))
 * where df counts texts containing t.
 *
 * In both modes a label or term must appear in the concerns of at least `minTermUsers` distinct users
 * (when user keys are given): the name is built only from what the group shares.
 */

import { isContentWord, stem, tokenize } from '../text/words.js';
import type { ClusterName, NamingInput, SureNamer } from './namer.js';

/** Words allowed inside a phrase ("anxiety about work", "fear of failure"); never "and". */
const CONNECTORS = new Set(['about', 'of', 'with', 'at', 'for', 'in', 'after', 'from', 'on', 'to']);
const MAX_NAME_WORDS = 10;
/** Labels must cover at least this share of members for label mode. */
const LABEL_MODE_SHARE = 0.5;
/** A label named alone must cover at least this share of members. */
const DOMINANT_SHARE = 0.5;
/** Other labels (or phrases) named in a description cover at least this share of members. */
const MENTION_SHARE = 0.1;

export interface OfflineNamerOptions {
  /** Key phrases in a phrase-mode label (default 2). */
  maxTerms?: number;
  /** A term must be in at least this share of member texts (default 0.05, and at least 2 texts). */
  minShare?: number;
}

interface TermStats {
  member: number;
  contrast: number;
  users: Set<string>;
  surfaces: Map<string, number>;
  stems: string[];
}

export function createOfflineNamer(options: OfflineNamerOptions = {}): SureNamer {
  const maxTerms = options.maxTerms ?? 2;
  const minShare = options.minShare ?? 0.05;
  return {
    id: 'offline-labels-ctfidf-v2',
    async name(input: NamingInput): Promise<ClusterName> {
      return nameOffline(input, maxTerms, minShare);
    },
  };
}

const MISCELLANEOUS: ClusterName = {
  name: 'Miscellaneous concerns',
  description: 'Conversations with varied concerns and no theme enough people share.',
};

export function nameOffline(input: NamingInput, maxTerms = 2, minShare = 0.05): ClusterName {
  const minUsers = input.memberUserKeys ? (input.minTermUsers ?? 1) : 1;
  const avoid = new Set((input.avoidNames ?? []).map((n) => n.toLowerCase()));
  return (
    nameByLabels(input, minUsers, avoid) ??
    nameByHeadedLabels(input, minUsers, avoid) ??
    nameByPhrases(input, minUsers, avoid, Math.max(1, Math.min(maxTerms, 2)), minShare) ??
    MISCELLANEOUS
  );
}

/**
 * Texts of the form "head: label" (a pushback reason class and the concern it was about): when the
 * whole texts are too varied to name, the labels after the colon may still be shared; the head most
 * members share is said in the description.
 */
function nameByHeadedLabels(input: NamingInput, minUsers: number, avoid: Set<string>): ClusterName | null {
  const split = input.memberTexts.map((t) => /^([^:]{1,60}):\s+(.+)$/.exec(t.trim()));
  if (split.length === 0 || split.filter((m) => m !== null).length / split.length < LABEL_MODE_SHARE)
    return null;
  const named = nameByLabels(
    { ...input, memberTexts: split.map((m, i) => (m ? m[2] : input.memberTexts[i])) },
    minUsers,
    avoid,
  );
  if (!named) return null;
  const heads = new Map<string, number>();
  for (const m of split)
    if (m) heads.set(m[1].trim().toLowerCase(), (heads.get(m[1].trim().toLowerCase()) ?? 0) + 1);
  const [head, n] = [...heads.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  if (n / split.length < DOMINANT_SHARE) return named;
  return { name: named.name, description: `${named.description} Most are filed under ${head}.`.trim() };
}

function normaliseLabel(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!?;:,]+$/, '')
    .toLowerCase();
}

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** True when no word occurs twice (case-insensitive, ignoring punctuation). */
function noRepeatedWord(s: string): boolean {
  const toks = tokenize(s);
  return new Set(toks).size === toks.length;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "a; b" or "a" — labels may contain "and" or commas themselves, so a semicolon separates them. */
function listLabels(labels: string[]): string {
  return labels.join('; ');
}

/** The broader forms of a name, most specific first; the first that fits and is not taken wins. */
function broaderForms(label: string): string[] {
  return [`${label}, plus related concerns`, `${label}, plus more`];
}

function pickName(candidates: string[], avoid: Set<string>): string | null {
  for (const c of candidates) {
    const name = capitalise(c);
    if (words(name).length <= MAX_NAME_WORDS && noRepeatedWord(name) && !avoid.has(name.toLowerCase()))
      return name;
  }
  return null;
}

function nameByLabels(input: NamingInput, minUsers: number, avoid: Set<string>): ClusterName | null {
  const nm = input.memberTexts.length;
  if (nm === 0) return null;
  const labels = new Map<string, { count: number; users: Set<string> }>();
  input.memberTexts.forEach((t, i) => {
    const key = normaliseLabel(t);
    if (!key) return;
    const e = labels.get(key) ?? { count: 0, users: new Set<string>() };
    e.count++;
    e.users.add(input.memberUserKeys?.[i] ?? `#${i}`);
    labels.set(key, e);
  });
  // Label-like concerns: most members' concern is repeated verbatim in the sample.
  const repeated = [...labels.values()].filter((e) => e.count >= 2).reduce((s, e) => s + e.count, 0);
  if (repeated / nm < LABEL_MODE_SHARE) return null;
  const shared = [...labels.entries()]
    .filter(([, e]) => e.count >= 2 && e.users.size >= minUsers)
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  // No label enough users share: the labels are combinations (free text repeated by chance);
  // phrases may still find what they share.
  if (shared.length === 0) return null;
  const [top, topStats] = shared[0];
  const others = shared
    .slice(1)
    .filter(([, e]) => e.count / nm >= MENTION_SHARE)
    .slice(0, 3)
    .map(([l]) => l);
  const dominant = topStats.count / nm >= DOMINANT_SHARE;
  const name = pickName(dominant ? [top, ...broaderForms(top)] : broaderForms(top), avoid);
  if (name === null) return null;
  const broader = name.toLowerCase() !== top;
  let description: string;
  if (!broader)
    description =
      topStats.count === nm
        ? 'Every conversation in this cluster was summarised with this concern.'
        : others.length > 0
          ? `Most conversations here share this concern; others are about ${listLabels(others)}.`
          : 'Most conversations here share this concern.';
  else
    description =
      others.length > 0
        ? `Related concerns here include ${listLabels(others)}.`
        : 'The rest of these conversations have varied concerns.';
  return { name, description };
}

function nameByPhrases(
  input: NamingInput,
  minUsers: number,
  avoid: Set<string>,
  maxTerms: number,
  minShare: number,
): ClusterName | null {
  const nm = input.memberTexts.length;
  const nc = input.contrastTexts.length;
  const stats = new Map<string, TermStats>();
  input.memberTexts.forEach((t, i) => {
    countTerms(t, stats, 'member', input.memberUserKeys?.[i] ?? `#${i}`);
  });
  for (const t of input.contrastTexts) countTerms(t, stats, 'contrast', '');

  const minDocs = Math.max(2, Math.ceil(minShare * nm));
  const scored = [...stats.entries()]
    .filter(([, s]) => s.member >= minDocs && s.users.size >= minUsers)
    .map(([key, s]) => ({
      key,
      s,
      score: (s.member / nm) * Math.log(1 + (nm + nc) / (s.member + s.contrast)),
    }))
    .sort((a, b) => b.score - a.score || b.s.stems.length - a.s.stems.length || (a.key < b.key ? -1 : 1));

  const picked: { key: string; s: TermStats }[] = [];
  const used = new Set<string>();
  for (const cand of scored) {
    if (picked.length >= 5) break;
    if (cand.s.stems.some((w) => used.has(w))) continue;
    // Prefer a longer phrase that contains the term and is nearly as common ("anxiety about work").
    let best = cand;
    for (const other of scored) {
      if (
        other.s.stems.length > best.s.stems.length &&
        cand.s.stems.every((w) => other.s.stems.includes(w)) &&
        !other.s.stems.some((w) => used.has(w)) &&
        other.s.member >= 0.5 * cand.s.member
      ) {
        best = other;
      }
    }
    picked.push(best);
    for (const w of best.s.stems) used.add(w);
  }
  if (picked.length === 0) return null;
  const phrases = picked.map((p) => surface(p.s));
  const candidates: string[] = [];
  for (let k = Math.min(maxTerms, phrases.length); k >= 1; k--)
    candidates.push(phrases.slice(0, k).join(' and '));
  candidates.push(`${phrases[0]} and related concerns`);
  const name = pickName(candidates, avoid);
  if (name === null) return null;
  const inName = new Set(tokenize(name));
  const more = picked
    .map((p, i) => ({ phrase: phrases[i], share: p.s.member / nm }))
    .filter((p) => p.share >= MENTION_SHARE && !tokenize(p.phrase).some((w) => inName.has(w)))
    .slice(0, 3)
    .map((p) => p.phrase);
  return {
    name,
    description: more.length > 0 ? `Other shared themes: ${listLabels(more)}.` : '',
  };
}

function countTerms(
  text: string,
  stats: Map<string, TermStats>,
  side: 'member' | 'contrast',
  user: string,
): void {
  const toks = tokenize(text);
  const seen = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    if (!isContentWord(toks[i])) continue;
    for (let len = 1; len <= 3 && i + len <= toks.length; len++) {
      const span = toks.slice(i, i + len);
      const last = span[span.length - 1];
      if (!isContentWord(last)) continue;
      if (span.slice(1, -1).some((w) => !isContentWord(w) && !CONNECTORS.has(w))) continue;
      const stems = span.filter(isContentWord).map(stem);
      if (new Set(stems).size !== stems.length) continue;
      const key = span.map((w) => (isContentWord(w) ? stem(w) : w)).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      let s = stats.get(key);
      if (!s) {
        s = { member: 0, contrast: 0, users: new Set(), surfaces: new Map(), stems };
        stats.set(key, s);
      }
      if (side === 'member') {
        s.member++;
        s.users.add(user);
        const surf = span.join(' ');
        s.surfaces.set(surf, (s.surfaces.get(surf) ?? 0) + 1);
      } else s.contrast++;
    }
  }
}

/** The most common written form of a term among members (ties: alphabetical). */
function surface(s: TermStats): string {
  let best = '';
  let n = -1;
  for (const [form, c] of s.surfaces) {
    if (c > n || (c === n && form < best)) {
      best = form;
      n = c;
    }
  }
  return best;
}
