/**
 * The user speaking about themselves: first-person words, self-disclosure of feelings or a
 * situation, and questions about their own inner state (the mark of counselling).
 */

export const FIRST_PERSON: ReadonlySet<string> = new Set([
  'i',
  "i'm",
  'im',
  'me',
  'my',
  'myself',
  "i've",
  "i'd",
  "i'll",
  'mine',
  'ive',
]);
export const SECOND_PERSON: ReadonlySet<string> = new Set([
  'you',
  'your',
  "you're",
  'yours',
  'yourself',
  'u',
  'ur',
]);

/** Help-seeking and self-disclosure about one's own feelings or situation. */
export const DISCLOSURE =
  /\b(?:i(?: feel| felt| am feeling|'m feeling|m feeling| have been feeling|'ve been feeling| keep feeling)|i(?:'m| am|m) (?:so |really |very |just |always |still |kind of |a bit )?(?:sad|depressed|anxious|lonely|scared|afraid|upset|stressed|worried|hurt|angry|lost|confused|overwhelmed|tired of|struggling|not okay|not ok|not doing well|unhappy|heartbroken|miserable|frustrated|exhausted)|what should i do|how (?:do|can|should) i (?:deal|cope|handle|get over|move on|stop|tell|talk|fix|make|approach|support|help)|i (?:need|want) (?:some )?(?:advice|help|support|someone)|any advice|i don't know what to do|i do not know what to do|is it normal|am i (?:wrong|crazy|overreacting|normal|a bad)|my (?:life|feelings|mental health|heart)|i can't stop|i keep (?:thinking|feeling|having)|i(?:'ve| have) been (?:struggling|dealing|going through|having)|going through)\b/;

/**
 * The user's own inner state as the question: why they feel as they do, how to cope with a
 * symptom, what is wrong with them. The mark of counselling, however many people are mentioned.
 */
export const SELF_FOCUS =
  /\b(?:why (?:do|am|can't|cannot|don't) i (?:feel|always|keep|get so|so|never|hate|cry|think)|how come i (?:feel|am|can't|always|never|keep)|why can't i (?:stop|laugh|sleep|focus|enjoy|feel|be happy|get over)|how (?:do|can|should) i (?:be less|stop being|not be|become less) (?:so )?(?:angry|anxious|sad|jealous|insecure|negative|paranoid|shy|scared|afraid|sensitive|emotional)|how (?:do|can|should) i (?:control|manage|calm) (?:my )?(?:anger|emotions|temper|anxiety|thoughts|mood|nerves|fear)|how (?:do|can|should) i (?:cope|deal|live|stop feeling|stop being|get rid of|manage|overcome|handle) (?:with )?(?:my )?(?:depression|anxiety|panic|grief|loss|trauma|ptsd|stress|feelings|emotions|thoughts|fear|anger|insecurit|self|loneliness|sadness|mood|urges|intrusive)|what(?:'s| is) wrong with me|i hate (?:myself|the way i|my body|my life|who i)|is (?:it|this|something) wrong with me|i(?:'m| am|m) (?:always |so |constantly )?(?:paranoid|depressed|anxious|numb|suicidal)|i (?:can't|cannot) (?:stop (?:crying|thinking|worrying|feeling)|function|get out of bed)|i(?:'ve| have) (?:lost|no) (?:my )?(?:identity|sense of self|will to|motivation to live)|(?:i was|i've been|i have been|i got|i am|i'm|been) diagnosed|my (?:medication|meds|antidepressants?|therapist|psychiatrist|diagnosis|symptoms|panic attacks|anxiety|depression|ocd|ptsd|adhd|bipolar|eating disorder)|i (?:self[- ]harm|cut myself|hurt myself|binge|purge|hear voices|have panic attacks|have (?:anxiety|depression|ocd|ptsd|adhd|insomnia))|(?:should i|do i need to) (?:see|get|go to|start|try) (?:a |an )?(?:therapist|therapy|counsel+or|counsel+ing|psychiatrist|medication|meds|antidepressants?))/g;

/**
 * The user's own feelings about their situation, or harm done to them: what makes a request about
 * someone else (even a hostile one) a personal need ("I'm so jealous of my brother", "he cheated on
 * me", "I really want to date her", "she made me so mad"). A bully of the user's ("my bully", "the
 * bullies at my school") names harm done to them. Narrower than DISCLOSURE, which also counts plain
 * help-seeking.
 */
export const OWN_FEELING =
  /\b(?:i (?:feel|felt)\b|i(?:'m| am|m) (?:so |really |very |just |always |still |kind of |a bit |extremely |super )?(?:sad|depressed|anxious|lonely|scared|afraid|upset|stressed|worried|hurt|angry|mad|furious|pissed|jealous|envious|heartbroken|miserable|frustrated|exhausted|devastated|ashamed|in love|attracted|tired of|sick of|fed up)\b|i (?:hate|love|miss|can't stand|cannot stand) (?:him|her|them|my)\b|(?:makes?|made|making) me (?:so |really |very |super )?(?:mad|angry|furious|sad|upset|jealous|miserable|sick|cry)\b|piss(?:es|ed|ing) me off\b|i (?:really |so |just )?(?:want|wanna|need) to (?:have sex with|sleep with|date|kiss|go out with) (?:him|her)\b|i(?:'m| am|m) (?:so |really )?(?:into|crazy about|obsessed with) (?:him|her)\b|i (?:have|got) (?:a crush on|feelings for) (?:him|her|my|this|a)\b|(?:he|she|they|my \w+(?: \w+)?) (?:cheated on|hurt|hit|beat|bullied|betrayed|dumped|left|fired|abused|humiliated|insulted|lied to|stole from|broke up with|yelled at|ignored|attacked|assaulted|harassed|raped) me\b|i (?:was|got|am being|'m being|have been|'ve been) (?:bullied|fired|dumped|cheated on|abused|betrayed|harassed|assaulted|raped)\b|my (?:old |former |school |childhood )?bull(?:y|ies)\b|bull(?:y|ies) (?:at|in|from) (?:my|our) (?:school|class|work|job|office|team|neighbou?rhood)\b|(?:is|are|keeps?|kept|been|were|was|started|stop|stops) (?:bullying|picking on) me\b)/;

/** Words without which OWN_FEELING cannot match (its gate, applied in messageCues.ts). */
export const OWN_FEELING_WORDS: ReadonlySet<string> = new Set(
  `feel felt sad depressed anxious lonely scared afraid upset stressed worried hurt angry mad furious pissed
   jealous envious heartbroken miserable frustrated exhausted devastated ashamed love attracted tired sick fed
   hate miss stand cry pisses pissing sex sleep date kiss out into crazy obsessed crush feelings cheated hit
   beat bullied bully bullies bullying picking betrayed dumped left fired abused humiliated insulted lied
   stole broke yelled ignored attacked assaulted harassed raped`
    .split(/\s+/)
    .filter(Boolean),
);

/** The user as the one speaking ("I", "my"; not "me", which requests use: "tell me"). */
export const SELF_SPEAKER: ReadonlySet<string> = new Set([...FIRST_PERSON].filter((w) => w !== 'me'));
