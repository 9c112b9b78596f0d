/**
 * The offline namer: the cluster's distinctive key phrases by class-based TF-IDF (c-TF-IDF, as in
 * BERTopic) over its concerns against nearby non-members, joined into a short label
 * ("Anxiety about work and sleep") and a plain description template.
 *
 * Candidates are word n-grams (1-3 words) that start and end on a content word, with only a
 * connector word (about, of, with...) inside, so phrases read naturally. For a term t,
 *   score(t) = (df_member(t) / N_member) × ln(1 + (N_member + N_contrast) / (df_member(t) + df_contrast(t)))
 * where df counts texts containing t. When user keys are given, a term must appear in the concerns
 * of at least `minTermUsers` distinct users: the label is built only from words the group shares.
 */

import { isContentWord, stem, tokenize } from '../text/words.js';
import type { ClusterName, ClusterNamer, NamingInput } from './namer.js';

/** Words allowed inside a phrase ("anxiety about work", "fear of failure"). */
const CONNECTORS = new Set(['about', 'of', 'with', 'at', 'for', 'in', 'after', 'from', 'on', 'to', 'and']);

export interface OfflineNamerOptions {
  /** Key phrases in a label (default 3). */
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

export function createOfflineNamer(options: OfflineNamerOptions = {}): ClusterNamer {
  const maxTerms = options.maxTerms ?? 3;
  const minShare = options.minShare ?? 0.05;
  return {
    id: 'offline-ctfidf-v1',
    async name(input: NamingInput): Promise<ClusterName> {
      return nameOffline(input, maxTerms, minShare);
    },
  };
}

export function nameOffline(input: NamingInput, maxTerms = 3, minShare = 0.05): ClusterName {
  const nm = input.memberTexts.length;
  const nc = input.contrastTexts.length;
  const size = input.conversations ?? nm;
  const minUsers = input.memberUserKeys ? (input.minTermUsers ?? 1) : 1;
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
    if (picked.length >= maxTerms) break;
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

  if (picked.length === 0) {
    return {
      name: 'Miscellaneous concerns',
      description: `Conversations with varied concerns and no shared theme; ${fmt(size)} conversations.`,
    };
  }
  const phrases = picked.map((p) => surface(p.s));
  const joined =
    phrases.length === 1 ? phrases[0] : `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`;
  const name = capitalise(truncateWords(joined, 10));
  return { name, description: `Conversations about ${joined}; ${fmt(size)} conversations.` };
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

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function truncateWords(s: string, max: number): string {
  const w = s.split(/\s+/);
  return w.length <= max ? s : w.slice(0, max).join(' ');
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
