/** The assistant treated as a romantic or sexual partner. */

/** Romantic or sexual advances aimed at the assistant itself. */
export const ROMANCE_AT_ASSISTANT =
  /\b(?:fuck|kiss|touch|sleep with|have sex with|sex with|date|marry|suck|lick|cuddle|make love to|seduce|hold)\b[^.!?]{0,20}\b(?:you|me)\b|\b(?:my|your) (?:dick|cock|pussy|boobs|tits)\b|\bbe my (?:girlfriend|boyfriend|wife|husband|lover|gf|bf)\b|\bi love you\b|\*[a-z ]{0,30}(?:kiss|hug|blush|cuddle|moan|caress)\w*[a-z ]{0,30}\*/;

/** An explicit roleplay set-up that casts the assistant as the user's partner. */
export const ROMANTIC_SETUP =
  /\b(?:(?:let's|lets|can we|could we|wanna|want to|we could) (?:do a |do some )?role ?-?play|(?:pretend|act|roleplay|role-play) (?:to be|you're|you are|as|like|that you're|that you are) (?:my|a) (?:girlfriend|boyfriend|wife|husband|lover|partner|date|gf|bf)|be my (?:girlfriend|boyfriend|wife|husband|lover|gf|bf)|you(?:'re| are) my (?:girlfriend|boyfriend|wife|husband|lover|gf|bf))\b/;

const SEX_ACTS =
  '(?:fuck|screw|bang|kiss|touch|lick|suck|rub|finger|spank|squeeze|feel up|fondle|grope|undress|sleep with|have sex with|make love to|sit on|ride|jerk off|blow)';
const BODY =
  '(?:ass|butt|booty|butthole|dick|cock|penis|pussy|vagina|boobs|tits|breasts|nipples|body|lips|thighs|feet)';

/**
 * A sexual proposition or question aimed at the assistant itself ("can I kiss you", "do you want to
 * touch my ...", "talk dirty to me", "what do you like in bed"): romantic or sexual roleplay by the
 * codebook, even in one line. "Fuck you" (an insult) and sex with someone else are not.
 */
export const SEXUAL_AT_ASSISTANT = new RegExp(
  [
    `\\b(?:i (?:want|wanna|need|would like|'d like) to|let me|can i|could i|may i|let's|lets|i'm going to|i am going to|gonna) (?:\\w+ ){0,2}?${SEX_ACTS} (?:you|u)\\b(?! up)`,
    `\\b(?:(?:do|would|will|could|can|wanna|want to) (?:you|u)|you|u) (?:\\w+ ){0,2}?${SEX_ACTS} (?:on |with )?(?:me\\b|my (?:\\w+ )?${BODY}\\b)`,
    `\\b(?:want|wanted|wanna|would like|'d like|love) to (?:\\w+ ){0,2}?${SEX_ACTS} (?:you|u)\\b(?! up)`,
    `\\b(?:talk dirty to me|send (?:me )?nudes|sext me)\\b`,
    `\\b(?:are|r) (?:you|u) (?:horny|wet|naked|a virgin|good in bed)\\b`,
    `\\byour favou?rite (?:sex )?position\\b`,
    `\\b(?:you|your) (?:\\w+ ){0,4}?(?:in bed|sex life|turns? you on)\\b`,
    `\\bwhat do you think (?:of|about) my ${BODY}\\b`,
    `\\byou(?:'ve| have)? ever (?:done|had|tried) (?:\\w+ ){0,3}?(?:sex|anal|oral|a threesome|${BODY})\\b`,
  ].join('|'),
);

/** Explicit sexual words: when they are not aimed at the assistant, the talk is neither company nor roleplay. */
export const SEXUAL_TALK_WORDS: ReadonlySet<string> = new Set(
  `tits boobs ass butt booty dick cock pussy vagina penis sex sexual sexually horny naked nude nudes fuck fucking
   porn orgasm aroused`
    .split(/\s+/)
    .filter(Boolean),
);

/*
 * Gate of SEXUAL_AT_ASSISTANT (applied in messageCues.ts): a word that is sexual in itself, or an
 * everyday one ("kiss", "touch", "feel", "body", "bed") next to the words that aim it at the assistant
 * or the user ("you", "my", "in bed", "favourite position").
 */
export const SEXUAL_WORDS: ReadonlySet<string> = new Set(
  `fuck screw bang lick suck finger spank fondle grope undress sex nudes sext horny naked virgin anal oral
   threesome ass butt booty butthole dick cock penis pussy vagina boobs tits breasts nipples dirty`
    .split(/\s+/)
    .filter(Boolean),
);
export const EVERYDAY_ACTS: ReadonlySet<string> = new Set(
  'kiss touch rub squeeze feel sleep love sit ride jerk blow wet'.split(' '),
);
/** Everyday words sexual only when aimed ("my body", "in bed", "favourite position"). */
export const AIMED_NOUNS: ReadonlySet<string> = new Set([
  'bed',
  'position',
  'body',
  'lips',
  'thighs',
  'feet',
]);
export const AIMED: ReadonlySet<string> = new Set(['you', 'u', 'me', 'my', 'your']);
