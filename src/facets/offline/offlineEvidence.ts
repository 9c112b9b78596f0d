/**
 * The offline engine's evidence for one decision: the rules run again on the conversation with a
 * trace (facets.ts `trace`), listing the cues that fired — pushback cues per assistant reply read and
 * the head's probability, the content rule and head, the topics matched (by id, with their scores),
 * every conversation feature that counted, and the categories decided. Names and numbers only: never
 * a span of the conversation.
 */
import type { Conversation } from '../../conversation/model.js';
import type { Evidence } from '../engine.js';
import type { Facets } from '../schema.js';
import { offlineFacets } from './facets.js';

export function offlineEvidence(promptVersion: string, conversation: Conversation, facets: Facets): Evidence {
  const cues: string[] = [];
  let traced: Facets;
  try {
    traced = offlineFacets(conversation, { trace: cues });
  } catch (err) {
    return {
      promptVersion,
      cues: [],
      note: `the rules failed on this conversation: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  const same =
    traced.contentCreation === facets.contentCreation &&
    traced.pushback === facets.pushback &&
    traced.categories.join() === facets.categories.join();
  return {
    promptVersion,
    cues,
    ...(same
      ? {}
      : {
          note: 'these cues are the current rules on this conversation; the decision shown came from a stored answer that differs',
        }),
  };
}
