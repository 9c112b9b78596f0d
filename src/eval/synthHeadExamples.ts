/**
 * Training examples for the offline engine's heads from the project's own synthetic corpus (authored
 * templates): the generator knows which conversations are content creation and which assistant
 * replies are pushback scenes. Kept beside the evaluation that refits the heads (and used by
 * tools/train.ts), because nothing in src/facets may import src/synth.
 */
import { contentRuleHit } from '../facets/offline/facets.js';
import { contentFeatures, pushbackFeatures } from '../facets/offline/models.js';
import { pushbackCues } from '../facets/offline/pushbackDecision.js';
import { normalise } from '../facets/offline/text.js';
import { type Examples, emptyExamples } from '../facets/offline/training.js';
import { generateConversations } from '../synth/generate.js';
import { PUSHBACK_SCENES } from '../synth/pushbackScenes.js';

/** The corpus the shipped heads were fitted with (seed 101: never a seed the synthetic eval uses). */
export const HEAD_SYNTH = {
  n: 4000,
  seed: 101,
  affectiveShare: 0.35,
  contentCreationShare: 0.2,
  chineseShare: 0.05,
};

export function synthExamples(): Examples {
  const ex = emptyExamples();
  const sceneReplies = new Set<string>();
  for (const s of Object.values(PUSHBACK_SCENES)) for (const a of s.assistant) sceneReplies.add(normalise(a));
  for (const r of generateConversations(HEAD_SYNTH)) {
    const c = r.conversation;
    const users = c.messages.filter((m) => m.role === 'user').map((m) => normalise(m.content));
    if (users.length === 0) continue;
    ex.content.push({
      features: contentFeatures(users[0], contentRuleHit(users)),
      label: r.truth.contentCreation ? 1 : 0,
      weight: 0.5,
    });
    let user = '';
    let replies = 0;
    for (const m of c.messages) {
      if (m.role === 'user') user = normalise(m.content);
      else if (replies++ < 3) {
        const reply = normalise(m.content);
        ex.pushback.push({
          features: pushbackFeatures(reply, user, pushbackCues(reply, user)),
          label: sceneReplies.has(reply) ? 1 : 0,
          weight: 0.3,
        });
      }
    }
  }
  return ex;
}
