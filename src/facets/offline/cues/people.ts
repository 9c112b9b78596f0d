/** Other people in the user's life: the mark of interpersonal advice. */

/**
 * Another specific person's behaviour as the subject ("my dad keeps...", "my wife never..."): the
 * mark of interpersonal advice, where counselling is about the user's own symptoms.
 */
export const OTHER_PERSON_ACTS =
  /\bmy (?:husband|wife|boyfriend|girlfriend|bf|gf|partner|spouse|fiancee?|fiancé|ex|mom|mum|mother|dad|father|parents|sister|brother|son|daughter|kids|children|child|friend|friends|best friend|boss|manager|coworkers?|co-workers?|colleagues?|roommate|in-laws|mother-in-law|father-in-law|family)\b[^.!?\n]{0,30}?\b(?:is|was|are|were|has|had|keeps|kept|won't|doesn't|didn't|don't|never|always|makes|made|said|says|told|tells|wants|thinks|calls|called|lied|lies|cheated|left|treats|treated|ignores|ignored|refuses|refused|yells|yelled|hits|hit|accuses|accused|blames|blamed|expects|gets|got)\b/g;

/** Someone close to the user, or a person in general: the object of an interpersonal question. */
export const PERSON =
  '(?:(?:my|our) (?:husband|wife|boyfriend|girlfriend|bf|gf|partner|spouse|fiancee?|ex|mom|mum|mother|dad|father|parents?|sister|brother|siblings?|son|daughter|kids?|children|child|friends?|best friend|boss|manager|coworkers?|co-workers?|colleagues?|roommates?|in-laws|family|teen|teenager|toddler|neighbou?rs?)|(?:a|the|this|that|these|those) (?:new )?(?:coworkers?|co-workers?|colleagues?|neighbou?rs?|classmates?|roommates?|landlord|bull(?:y|ies))|(?:this|that) (?:girl|guy|boy|woman|man|lady|dude|person)|bullies|him|her|people|someone|others)';

/**
 * The question is what to do about, or with, another person: how to tell them, handle them, get
 * them to change, whether to leave them. The mark of interpersonal advice, however upset the user.
 */
export const OTHER_FOCUS = new RegExp(
  `\\b(?:how (?:do|can|should|could) i (?:tell|talk to|get|make|convince|deal with|handle|approach|support|help|confront|forgive|trust|ask|stop|reconnect with|apologi[sz]e to|set boundaries with|get back at|get revenge on|hit on|ask out|flirt with|stand up to|make up with|break up with) ${PERSON}|(?:i(?:'d| would) like|i want|i wanna|i need) to (?:get back at|get revenge on|take revenge on|get even with) ${PERSON}|how (?:do|can|should|could) i (?:win|get) (?:him|her|them) back|how (?:do|can|should) i (?:bring (?:it|this|that) up|raise (?:it|this|that))|what (?:can|should|do) i do (?:about|if|when|with) ${PERSON}|should i (?:break up|divorce|forgive|confront|move out|reach out|leave ${PERSON}|tell ${PERSON}|cut ${PERSON} off|stay with ${PERSON}|text ${PERSON}|call ${PERSON}|ask ${PERSON}|take ${PERSON}|let ${PERSON})|how do i know if (?:he|she|they|${PERSON})|is (?:he|she) (?:cheating|lying|using me|into me|interested|seeing)|why (?:does|did|won't|doesn't|would) (?:he|she|${PERSON}))\\b`,
  'g',
);

/**
 * Talk about a group of people by race, origin, religion, age, politics or sexuality ("black
 * people", "immigrants", "the elderly"): an opinion about society, not a need of the user's own
 * (codebook section 2: a topic is not a need; a prejudiced claim is a pushback case).
 */
/** Words without which GROUP_TALK cannot match (its gate: most messages hold none of them). */
export const GROUP_WORDS: ReadonlySet<string> = new Set(
  `people folks persons guys men women kids immigrants population groups group races race kinds kind types
   type elderly poor jews blacks whites gays muslims illegals foreigners minorities homosexuals transgenders
   liberals conservatives democrats republicans feminists leftists boomers millennials person man woman guy`
    .split(/\s+/)
    .filter(Boolean),
);

export const GROUP_TALK =
  /\b(?:(?:black|white|brown|asian|hispanic|latino|latina|mexican|puerto rican|african|arab|chinese|indian|jewish|muslim|christian|catholic|gay|lesbian|trans|transgender|old|elderly|poor|rich|fat|disabled|homeless|foreign|illegal) (?:people|folks|persons|guys|men|women|kids|immigrants|population)|(?:groups|group|races?|kinds?|types?) of people|the (?:elderly|poor|jews|blacks|whites|gays|muslims|immigrants)|(?:blacks|jews|muslims|immigrants|illegals|foreigners|minorities|homosexuals|transgenders|liberals|conservatives|democrats|republicans|feminists|leftists|boomers|millennials)|(?:any|every|all) (?:black|white|asian|hispanic|mexican|jewish|muslim|gay|old) (?:person|man|woman|guy))\b/;

/** A person of the user's own life ("my sister", "my boss's"), named as theirs. */
export const MY_PERSON =
  /\bmy (?:husband|wife|boyfriend|girlfriend|bf|gf|partner|spouse|fiancee?|fiancé|ex|mom|mum|mother|dad|father|parents?|sister|brother|siblings?|son|daughter|kids?|children|child|toddler|baby|teen|teenager|friends?|best friend|boss|manager|coworkers?|co-workers?|colleagues?|roommates?|in-laws|family|grandm\w+|grandp\w+|aunt|uncle|cousin)(?:'s)?\b/;

/** The user arguing a view and asking the assistant to agree ("don't you agree?", "I think people..."). */
export const OPINION_SEEKING =
  /\b(?:(?:don't|do not|wouldn't|would not) you (?:agree|think so)|do you agree|you agree\b|agree with me|(?:let me|i will|i'll) (?:first )?say that|i think (?:people|everyone|society|the government|they all|that people|most people) )/;
