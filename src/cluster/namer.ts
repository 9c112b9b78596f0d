/**
 * Naming a cluster: one interface for the offline namer (c-TF-IDF key phrases) and the LLM namer.
 * Whatever a namer returns still passes the privacy gates of the cluster stage before it leaves.
 */

export interface NamingInput {
  /** Concerns of (a seeded sample of) the cluster's conversations. */
  memberTexts: string[];
  /** Concerns of nearby conversations outside the cluster (siblings, or the rest of the group). */
  contrastTexts: string[];
  /** The cluster's size, when `memberTexts` is a sample (default memberTexts.length). */
  conversations?: number;
  /** `userKey` of each member text (parallel to memberTexts), for namers that count support. */
  memberUserKeys?: string[];
  /** A namer that counts support uses only words found in this many distinct users' concerns. */
  minTermUsers?: number;
  /**
   * Names already given to this cluster's sub-clusters: a namer should give the cluster a different
   * (broader) name, so a child never carries its parent's name.
   */
  avoidNames?: string[];
}

export interface ClusterName {
  /** At most ten words. */
  name: string;
  /** At most two sentences. */
  description: string;
}

export interface ClusterNamer {
  /** Namer identity (engine, model, prompt version), for the report's provenance. */
  readonly id: string;
  /**
   * The cluster's name; null when the namer could give no usable one (an LLM whose answer stayed
   * invalid after the repair): the cluster is then shown with the withheld name, and the run goes on.
   */
  name(cluster: NamingInput): Promise<ClusterName | null>;
}

/** A namer that always names (the offline one: key phrases of the members' own concerns). */
export interface SureNamer extends ClusterNamer {
  name(cluster: NamingInput): Promise<ClusterName>;
}

export function wordCount(s: string): number {
  return s.trim().split(/\s+/).filter(Boolean).length;
}

/** Sentences, split on ., ! or ? followed by space or end (decimals such as 1.5 stay whole). */
export function sentences(s: string): string[] {
  return s
    .trim()
    .split(/(?<=[.!?])\s+(?=\S)|(?<=[。！？])(?=\S)/)
    .filter((x) => x.length > 0);
}
