/**
 * The LLM namer: a sample of the cluster's concerns, contrasted with nearby non-members, sent with
 * the versioned prompt prompts/cluster-name.v1.md through the shared LlmClient. The answer is
 * validated with zod; an over-long name or description is cut to the limit rather than rejected
 * (the privacy gates run on what is kept). Whatever comes back still passes every gate.
 */
import { z } from 'zod';
import { askValidated } from '../facets/llm/ask.js';
import type { LlmClient } from '../facets/llm/client.js';
import type { ClusterName, ClusterNamer, NamingInput } from './namer.js';
import { sentences } from './namer.js';
import { loadPrompt } from './prompt.js';

export interface LlmNamerOptions {
  /** Member concerns shown to the model (default 20; the stage passes a seeded shuffle). */
  members?: number;
  /** Non-member concerns shown for contrast (default 10). */
  contrast?: number;
  promptFile?: string;
}

const NameAnswer = z.object({
  name: z.string().trim().min(1),
  description: z.string().trim(),
});

const NAME_JSON_SCHEMA = {
  type: 'object',
  properties: { name: { type: 'string' }, description: { type: 'string' } },
  required: ['name', 'description'],
  additionalProperties: false,
};

export function createLlmNamer(client: LlmClient, options: LlmNamerOptions = {}): ClusterNamer {
  const prompt = loadPrompt(options.promptFile ?? 'cluster-name.v1.md');
  const nMembers = options.members ?? 20;
  const nContrast = options.contrast ?? 10;
  return {
    id: `llm-namer:${client.provider}:${client.model}:${prompt.version}`,
    async name(input: NamingInput): Promise<ClusterName> {
      const list = (texts: string[], n: number) =>
        texts
          .slice(0, n)
          .map((t) => `- ${t.replace(/\s+/g, ' ').replace(/<\/?(members|nearby_non_members)>/gi, '')}`)
          .join('\n');
      const user =
        `<members count="${input.conversations ?? input.memberTexts.length}">\n${list(input.memberTexts, nMembers)}\n</members>\n` +
        `<nearby_non_members>\n${list(input.contrastTexts, nContrast)}\n</nearby_non_members>`;
      const answer = await askValidated(
        client,
        {
          system: prompt.text,
          user,
          schemaName: 'cluster_name',
          jsonSchema: NAME_JSON_SCHEMA,
          maxOutputTokens: 300,
        },
        NameAnswer,
      );
      if (answer.ok) return clampName(answer.value);
      throw new Error(
        `cluster namer (${client.provider} ${client.model}): no valid answer after 2 attempts: ${answer.problem}`,
      );
    },
  };
}

/** At most ten words in the name and two sentences in the description. */
export function clampName(a: ClusterName): ClusterName {
  const words = a.name.replace(/\s+/g, ' ').trim().split(' ');
  const name = words.slice(0, 10).join(' ');
  const description = sentences(a.description.replace(/\s+/g, ' ')).slice(0, 2).join(' ');
  return { name, description };
}
