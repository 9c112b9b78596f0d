/**
 * The LLM namer: a sample of the cluster's concerns, contrasted with nearby non-members, sent with
 * the versioned prompt prompts/cluster-name.v1.md through the shared LlmClient. The answer is
 * validated with zod; an over-long name or description is cut to the limit rather than rejected
 * (the privacy gates run on what is kept). Whatever comes back still passes every gate.
 */
import { z } from 'zod';
import { ask } from '../llm/ask.js';
import type { LlmClient } from '../llm/client.js';
import { DEFAULT_CONCERN_LANGUAGE, languageName } from '../prompts/language.js';
import { loadPrompt } from '../prompts/load.js';
import { PROMPT_FILES } from '../prompts/registry.js';
import type { ClusterName, ClusterNamer, NamingInput } from './namer.js';
import { sentences } from './namer.js';

export interface LlmNamerOptions {
  /** Member concerns shown to the model (default 20; the stage passes a seeded shuffle). */
  members?: number;
  /** Non-member concerns shown for contrast (default 10). */
  contrast?: number;
  promptFile?: string;
  /** ISO 639 code of the language names are written in: the report's (default `en`). */
  language?: string;
}

const NameAnswer = z.strictObject({
  // Not .min(1): strict structured-output modes reject minLength in a schema.
  name: z
    .string()
    .trim()
    .refine((n) => n.length > 0, 'the name is empty'),
  description: z.string().trim(),
});

export function createLlmNamer(client: LlmClient, options: LlmNamerOptions = {}): ClusterNamer {
  const prompt = clusterNamePrompt(options.language, options.promptFile);
  const nMembers = options.members ?? 20;
  const nContrast = options.contrast ?? 10;
  return {
    id: `llm-namer:${client.provider}:${client.model}:${prompt.version}`,
    async name(input: NamingInput): Promise<ClusterName | null> {
      const list = (texts: string[], n: number) =>
        texts
          .slice(0, n)
          .map(
            (t) =>
              `- ${t.replace(/\s+/g, ' ').replace(/<\/?(members|nearby_non_members|sub_cluster_names)>/gi, '')}`,
          )
          .join('\n');
      // Sub-cluster names are released texts already (they passed every gate); naming the parent
      // after one of them would show the same name twice in the tree.
      const taken =
        input.avoidNames && input.avoidNames.length > 0
          ? `\n<sub_cluster_names>\n${list(input.avoidNames, input.avoidNames.length)}\n</sub_cluster_names>\n` +
            'These sub-clusters of this cluster are already named: give this cluster a broader name, different from each.'
          : '';
      const user =
        `<members count="${input.conversations ?? input.memberTexts.length}">\n${list(input.memberTexts, nMembers)}\n</members>\n` +
        `<nearby_non_members>\n${list(input.contrastTexts, nContrast)}\n</nearby_non_members>${taken}`;
      const answer = await ask((req) => client.completeJson(req), {
        name: 'cluster_name',
        schema: NameAnswer,
        system: prompt.text,
        user,
        maxOutputTokens: 300,
      });
      if (answer.ok) return clampName(answer.value);
      if (answer.failure === 'transport') throw answer.error;
      // Still no valid answer after the repair: no name rather than no report (the cluster is withheld).
      return null;
    },
  };
}

/** The namer's prompt with the report's language filled in. */
export function clusterNamePrompt(
  language = DEFAULT_CONCERN_LANGUAGE,
  file: string = PROMPT_FILES['cluster-name'],
) {
  return loadPrompt(file, undefined, { reportLanguage: languageName(language) });
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** A name without spaces in Chinese or Japanese is cut at this many characters (about ten words). */
const MAX_CJK_NAME_CHARS = 20;

/** At most ten words (20 Chinese or Japanese characters) in the name and two sentences in the description. */
export function clampName(a: ClusterName): ClusterName {
  const words = a.name.replace(/\s+/g, ' ').trim().split(' ');
  let name = words.slice(0, 10).join(' ');
  const chars = [...name];
  if (CJK_CHAR.test(name) && chars.filter((c) => CJK_CHAR.test(c)).length > MAX_CJK_NAME_CHARS)
    name = chars.slice(0, MAX_CJK_NAME_CHARS).join('').trim();
  const two = sentences(a.description.replace(/\s+/g, ' ')).slice(0, 2);
  const description = two.join(CJK_CHAR.test(two[0] ?? '') ? '' : ' ');
  return { name, description };
}
