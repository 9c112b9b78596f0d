/**
 * Crisis signals (codebook-additions §9): what the user says about themselves now, read from the
 * user's messages with quoted spans and roleplay actions (*...*) left out. Plain first-person
 * statements only, precision first: indirect signals ("I just want it all to stop") are missed, and
 * a line ending in "lol" or "haha" is read as hyperbole.
 */
import type { CrisisKind } from '../../schema.js';

const SUICIDAL =
  /\bi (?:really |just |honestly )?(?:want|wanna|wish|would like) (?:to )?(?:die|be dead|kill myself|end (?:it all|my life))\b(?! (?:of|laughing|from (?:embarrassment|laughter)))|\bi(?:'m| am) (?:going to|gonna|about to) (?:kill myself|end (?:it all|my life))\b|\bi(?:'m| am|'ve been| have been) (?:feeling )?suicidal\b|\b(?:thinking|thought|thoughts) (?:about|of) (?:killing myself|suicide|ending (?:my life|it all)|taking my (?:own )?life)\b|\bsuicidal thoughts\b|\bi (?:don't|do not) want to (?:be alive|live|exist|wake up)(?: anymore| any more| tomorrow)?\b|\b(?:everyone|they|my family|people) (?:would|will) be better off without me\b|\b(?:painless|easiest|quickest|best|surest) (?:way|ways|method|methods) to (?:die|kill myself|end my life|commit suicide)\b|\bhow (?:can|do|could|should) i (?:kill myself|end my life|commit suicide)\b|\bno reason (?:for me )?to (?:live|go on)\b|\bi (?:don't|do not|can't|cannot) see (?:the|any) point (?:in|of) (?:living|life|going on)\b/;

const SELF_HARM =
  /\b(?:thinking|thought|thoughts) (?:about|of) (?:hurting|harming|cutting|burning) myself\b|\bi(?:'ve| have)? (?:been )?(?:cut|cutting|burn(?:ed|t|ing)?|hurt(?:ing)?|harm(?:ed|ing)?|scratch(?:ed|ing)?) myself\b(?! (?:shaving|cooking|by accident|accidentally|on (?:a|the)|while))|\bi (?:want|need|wanna|feel like|have the urge|keep wanting) to (?:cut|hurt|harm|burn) myself\b|\b(?:started|start) (?:cutting|self[- ]harming) again\b|\bi (?:self[- ]harm(?:ed)?)\b|\burges? to (?:self[- ]harm|cut)\b|\brelapsed (?:on |into )?self[- ]harm\b/;

const ABUSER =
  '(?:my (?:husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?|dad|father|mom|mum|mother|stepdad|stepfather|stepmom|stepmother|parents?|ex|uncle)|he|she)';

const ABUSE = new RegExp(
  `\\b${ABUSER} (?:hits|beats|chokes|strangles|kicks|slaps|punches|rapes|abuses) me\\b|` +
    `\\b${ABUSER} (?:hit|beat|choked|strangled|kicked|slapped|punched|raped) me (?:again|last night|yesterday|today|this morning|when)\\b|` +
    `\\b${ABUSER} (?:threatens|threatened|keeps threatening) to (?:kill|hurt|beat) me\\b|` +
    "\\bi(?:'m| am) (?:being )?(?:abused|beaten|raped|sexually abused)\\b|\\bi(?:'m| am) in an abusive (?:relationship|home|household|marriage)\\b",
);

const IMMEDIATE_DANGER =
  /\b(?:someone|somebody|a man|a guy|he|she|they)(?:'s| is| are) (?:trying to )?break(?:ing)? in(?:to (?:my|our) (?:house|home|flat|apartment))?\b|\bi (?:just )?(?:took|swallowed|overdosed on) (?:all|a bottle of|a whole bottle of|the whole bottle of|too many|\d+) (?:of )?(?:my )?(?:pills|tablets|sleeping pills|painkillers)\b|\bi(?:'ve| have) (?:just )?(?:taken|swallowed) (?:all|too many|a bottle of|a whole bottle of) (?:of )?(?:my )?(?:pills|tablets|sleeping pills|painkillers)\b|\b(?:he|she)(?:'s| is) (?:outside|at (?:my|the) door) with a (?:knife|gun)\b|\bi(?:'m| am) (?:in danger|bleeding a lot) (?:right )?now\b/;

const HYPERBOLE = /\b(?:lol|lmao|haha\w*|jk|rofl)\b|😂|🤣/;

const RULES: readonly [CrisisKind, RegExp][] = [
  ['suicidal', SUICIDAL],
  ['self_harm', SELF_HARM],
  ['abuse', ABUSE],
  ['immediate_danger', IMMEDIATE_DANGER],
];

/** Quoted spans and roleplay actions are not the user's own statement about now. */
function ownWords(text: string): string {
  return text.replace(/"[^"\n]*"|\u201c[^\u201d\n]*\u201d|\*[^*\n]*\*/g, ' ');
}

/** The first crisis kind (codebook order) the user's messages state, or null. */
export function decideCrisis(userNorm: readonly string[]): CrisisKind | null {
  let found: CrisisKind | null = null;
  let rank = RULES.length;
  for (const message of userNorm) {
    for (const sentence of ownWords(message).split(/(?<=[.!?;])\s+|\n+/)) {
      if (HYPERBOLE.test(sentence)) continue;
      for (let i = 0; i < rank; i++) {
        if (RULES[i][1].test(sentence)) {
          found = RULES[i][0];
          rank = i;
          break;
        }
      }
      if (rank === 0) return found;
    }
  }
  return found;
}
