/**
 * Content creation: the user asks for a piece of writing to be produced (story, poem, post,
 * marketing copy, fictional dialogue, essay, email), as opposed to code or an answer. Decided
 * from the user's requests: a creation verb governing a writing noun, or a roleplay/fiction
 * set-up, in English plus the commonest forms in a few other languages (the patterns are in
 * cues/content.ts).
 */

import { HAN } from './cues/chinese.js';
import { KANA, requestsChineseContent } from './cues/chineseContent.js';
import {
  CODE_HINT,
  CODE_NOUN,
  CREATIVE_NOUN,
  EN_PATTERNS,
  MEDIA_TALK,
  OTHER_PATTERNS,
  QUESTION_ABOUT_WORK,
  WRITING_OVER_CODE,
} from './cues/content.js';

/**
 * Whether one user request asks for content to be produced. `opening` marks the conversation's
 * first user message, the only one where a bare creative noun is enough.
 */
export function requestsContent(normalisedText: string, opening = true): boolean {
  const head = normalisedText.length > 1500 ? normalisedText.slice(0, 1500) : normalisedText;
  let hit = false;
  for (const re of EN_PATTERNS) {
    if (re.test(head)) {
      hit = true;
      break;
    }
  }
  // Chinese requests (Han without kana) are decided by their own verbs, nouns and coding
  // exclusions (cues/chineseContent.ts), not by the other-language patterns below.
  if (!hit && HAN.test(head) && !KANA.test(head)) return requestsChineseContent(head);
  if (!hit) {
    for (const re of OTHER_PATTERNS) {
      if (re.test(head)) {
        hit = true;
        break;
      }
    }
  }
  if (
    !hit &&
    opening &&
    CREATIVE_NOUN.test(head.slice(0, 400)) &&
    !QUESTION_ABOUT_WORK.test(head.trimStart()) &&
    !MEDIA_TALK.test(head.slice(0, 400))
  )
    hit = true;
  if (!hit) return false;
  // "Write a function/script/query" is a coding task, not content.
  const firstRequest = head.slice(0, 300);
  if (CODE_NOUN.test(firstRequest) && !WRITING_OVER_CODE.test(firstRequest)) return false;
  return !CODE_HINT.test(head.slice(0, 400));
}
