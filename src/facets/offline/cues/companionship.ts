/** Small talk with the assistant as a person: greetings, getting to know each other. */

export const GREETINGS: ReadonlySet<string> = new Set([
  'hi',
  'hello',
  'hey',
  'hiya',
  'howdy',
  'yo',
  'sup',
  'greetings',
]);

/**
 * Getting-to-know-you talk aimed at the assistant as a person: turning the question back ("and
 * you?"), asking about its life, or telling it about one's own. Booking questions ("do you have a
 * table") are left out by naming what one asks a person about.
 */
export const RECIPROCAL =
  /(?:^|\b)(?:and you|and u|what about you|what about u|how about you|how about u|and yourself|you too)\b\s*\??|\b(?:do|did) (?:you|u) (?:like|love|enjoy|have (?:any )?(?:kids|children|pets|a dog|a cat|siblings|hobbies|a girlfriend|a boyfriend|a wife|a husband|a family|friends)|live|play|watch|read|listen)\b|\b(?:are|r) (?:you|u) (?:a (?:boy|girl|man|woman|student|human|robot|bot)|married|single|from|human|real|ok|okay|happy|lonely|bored)\b|\bwhat (?:do|did) (?:you|u) do\b|\bwhere (?:are|do) (?:you|u) (?:from|live)\b|\bhow old (?:are|r) (?:you|u)\b|\bwhat(?:'s| is) (?:your|ur|u r) (?:name|favou?rite|job|hobby|age)\b|\btell me about yourself\b/;

/**
 * The assistant asking about the user's life the way a new acquaintance does. Helpers and services
 * ask about the problem or the booking; only small talk asks what someone does or where they live.
 */
export const ASKS_ABOUT_USER =
  /\b(?:what do you do|do you have any (?:pets|kids|children|hobbies|siblings)|do you have (?:a|any) (?:pet|dog|cat|job|family|girlfriend|boyfriend)|where are you from|where do you live|what do you like to do|tell me about yourself|what are your hobbies|any hobbies|are you (?:married|a student|in school)|how old are you)\b/;

/** The user introducing themselves: job, age, home town, family, pets. */
export const USER_FACTS =
  /\b(?:(?:i'm|i am|im) (?:a|an) (?:student|teacher|doctor|nurse|engineer|programmer|developer|mother|father|mom|dad|housewife|stay at home|writer|artist|musician|lawyer|farmer|chef|cook|waiter|waitress|manager|driver|salesman|volunteer|retired|retiree|boy|girl|man|woman|guy|lady|\w+ student)|(?:i'm|i am|im) from|my name is|my name's|i (?:live|study|studying) (?:in|at)|i work (?:in|at|as)|(?:i'm|i am|im) \d{1,2}(?: years old)?\b|i have (?:a|an|two|three|\d) (?:dog|cat|pets?|son|daughter|kids|children|brothers?|sisters?|siblings))\b/;

/** The assistant talking about itself as a person would (its likes, job, family, pets). */
export const ASSISTANT_SELF_TALK =
  /\b(?:i (?:love|like|enjoy|work as|live in|grew up)|my (?:favorite|favourite|hobby|hobbies|family|dog|cat|job))\b/;

/** Contempt aimed at the assistant: a user trading insults is not seeking its company. */
export const HOSTILE_TO_ASSISTANT =
  /\b(?:(?:you(?:'re| are)|ur|u r|you r) (?:a |an |so |such a |such an |really |just )?(?:stupid|dumb|idiot|idiotic|useless|worthless|pathetic|moron|retard\w*|trash|garbage|bitch|loser|dense|nut ?case|piece of (?:shit|crap|trash|junk))|(?:fuck|screw|damn) (?:you|u)\b|shut up|you suck|bitch ass|(?:stupid|dumb|filthy|dirty|fucking|useless) (?:bot|robot|machine|ai|assistant)|shithead|(?:fuck|screw|bang) your (?:\w+ )?(?:mom|mother|sister|wife|girlfriend|daughter)|your (?:mom|mother) (?:is|was)\b|why (?:would )?anyone (?:want|wants) to (?:be around|talk to) you)/;

/** The user telling something about themselves or their day, as people do in small talk. */
export const SELF_STATEMENT =
  /\b(?:i (?:like|love|enjoy|prefer|have|had|got|went|go|play|watch|read|run|work|live|study|am|was|just|really|also|usually|often)|i'm|im|i've|my (?:\w+ )?(?:is|was|are|were|day|weekend|job|family|dog|cat|wife|husband|kids|friends?|favou?rite|hobby|hobbies|name))\b/;

/** Words without which HOSTILE_TO_ASSISTANT cannot match (its gate, applied in messageCues.ts). */
export const HOSTILE_WORDS: ReadonlySet<string> = new Set(
  `stupid dumb idiot idiotic useless worthless pathetic moron trash garbage bitch loser dense nut nutcase piece fuck
   screw damn shut suck filthy dirty fucking shithead bang mom mother anyone retard retarded retards`
    .split(/\s+/)
    .filter(Boolean),
);
