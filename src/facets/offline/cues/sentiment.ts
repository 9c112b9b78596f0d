/**
 * Hand-written valence lexicon (authored for affectlens, not copied from any corpus or tool).
 * Values run from -3 (very negative) to +3 (very positive), tuned for what people write to an
 * assistant about themselves: distress words weigh more than in review-style lexicons, and words
 * that are neutral in tasks ("kill" a process, "execute", "bad request") are left out or handled
 * by phrases.
 */

const BUCKETS: [number, string][] = [
  [
    3.0,
    `amazing awesome excellent fantastic wonderful brilliant superb outstanding incredible perfect
     magnificent marvelous marvellous phenomenal extraordinary masterpiece masterful exceptional
     spectacular stunning breathtaking thrilled ecstatic overjoyed delighted elated euphoric
     love loved loving adore adored lovely best greatest blessed triumph flawless exquisite
     heavenly glorious terrific fabulous sublime dazzling exhilarating masterfully mesmerizing
     mesmerising enthralling riveting unforgettable superbly finest`,
  ],
  [
    2.0,
    `great good happy happier happiest glad joy joyful joyous enjoy enjoyed enjoying enjoyable
     beautiful gorgeous grateful thankful thanks thank appreciate appreciated fun funny hilarious
     pleased proud excited exciting impressive impressed inspiring inspired moving touching
     charming delightful pleasant satisfying satisfied smart clever witty heartwarming hopeful
     relieved relief wonderfully beautifully congratulations congrats yay hooray win winning won
     success successful better improved improving peaceful calm calmer comfortable confident
     cheerful content fulfilled fulfilling wow welcome nice cool fascinating engaging entertaining
     compelling powerful refreshing remarkable rewarding memorable gem treat heartfelt tender
     sweet kind kindness caring supportive friendly gentle warm warmth brave courageous strong
     thrilling vivid rich accomplished intelligent insightful thoughtful elegant graceful gracious
     worthwhile valuable helpful useful recommend recommended favourite favorite laugh laughed
     laughing smile smiling smiled optimistic motivated encouraged excitement admire admired
     hope engrossing absorbing gripping poignant affecting captivating uplifting enchanting
     imaginative inventive original ingenious witty sharp lively energetic delight delights
     pleasure charm charms beauty wit enjoyably funniest sweetest smartest cleverly
     intelligently tenderly warmly heartening splendid lovable adorable`,
  ],
  [
    1.0,
    `ok okay fine alright decent interesting liked fair solid safe easy easier clear
     ready sure agree agreed yes yeah yep true ha haha lol hah fresh neat handy
     glad able polite playful curious honest sincere patient steady stable healthy lucky
     promising modest competent respectable watchable amusing appealing likable likeable
     credible intriguing clean calming restful relaxed relaxing chill improvement
     improve understood understanding supported rested energized energised pleasing
     ambitious sincere unpretentious diverting likeable sturdy respectable surprising`,
  ],
  [
    -1.0,
    `bored boring dull tired meh odd weird confused confusing unsure difficult hard tough
     awkward slow busy annoying annoyed irritated irritating bland mediocre predictable
     forgettable flawed uneven messy tedious uncomfortable nervous worried worry worrying concern
     concerned problem problems issue issues trouble struggle struggling struggled doubt doubts
     lacking lacks lack mistake mistakes wrong fail missing miss missed sick ill sore pain
     unclear unfortunately sadly silly cheesy clumsy shallow thin overlong overdone tiresome
     pointless empty stuck lost restless uneasy tense busy exhausting stressful pressure
     sorry formulaic derivative contrived stale trite banal cliched clichéd hackneyed plodding
     sluggish tepid lukewarm drab monotonous repetitive convoluted muddled overwrought sappy
     mawkish unoriginal unremarkable underwhelming disjointed meandering`,
  ],
  [
    -2.0,
    `bad sad unhappy upset angry mad hurt hurting anxious anxiety stressed stress scared afraid
     fear fearful frightened lonely alone isolated depressed depressing depression crying cry
     cried tears lonely heartbroken broken disappointed disappointing disappointment frustrated
     frustrating frustration hate hated hates dislike poor poorly weak ugly stupid dumb
     ridiculous mess failure failed failing fails worse guilty guilt shame ashamed embarrassed
     embarrassing jealous bitter resent resentful insecure overwhelmed overwhelming helpless
     exhausted drained burned burnt burnout panic panicking grief grieving mourning
     dread dreading unbearable unfair cruel rude mean nasty gross lousy
     unpleasant painful suffering suffer suffered lame crap crappy sucks sucked sucky
     annoyingly boringly trauma traumatic abused abuse victim betrayed betrayal cheated
     cheating lied lying rejected rejection ignored neglected abandoned unloved unwanted
     problematic incompetent inept clumsily unconvincing uninspired lifeless pretentious
     disgust disgusted disgusting distressed distress loss lose losing nightmare unfunny
     lifeless insipid vapid hollow soulless witless charmless joyless humorless
     humourless mindless sloppy shoddy amateurish incoherent laughable ludicrous preposterous
     idiotic inane obnoxious grating dud flop misfire bore boredom embarrassment wasted`,
  ],
  [
    -3.0,
    `terrible horrible awful worst dreadful miserable hopeless worthless devastated devastating
     suicidal suicide despair desperate agony agonizing horrendous atrocious abysmal appalling
     disastrous disaster catastrophe catastrophic pathetic unwatchable garbage trash rubbish
     hateful loathe loathing despise despised furious enraged terrified petrified horrified
     heartbreaking anguish tormented torture unbearably wretched vile evil
     abomination insufferable excruciating`,
  ],
];

/**
 * General-English evaluative vocabulary (praise and criticism of things: films, books, products,
 * service, food), added on top of BUCKETS; a word already in BUCKETS keeps its value there.
 */
const EVALUATIVE: [number, string][] = [
  [
    3.0,
    `laugh-out-loud jaw-dropping spellbinding exhilaratingly sublimely
     superlative stellar astonishing astounding transcendent miraculous sensational top-notch
 must-see impeccable peerless incomparable matchless first-rate masterwork perfection
 wondrous rapturous triumphant unmissable genius loves brilliance excellence excellently
 amazingly fabulously terrifically gorgeously marvel awe-inspiring tour-de-force`,
  ],
  [
    2.0,
    `merry best-wishes all-the-best
    insight insightfully intelligence talent passion passionate grace depth rousing epic innovative audacious bold daring creative creativity whimsical haunting heartwarmingly big-hearted warmhearted warm-hearted charismatic affectionate affectionately generous generosity honesty integrity inspiration inspirational wonderment marvels triumphantly infectious sharp-witted well-crafted well-made well-acted well-written well-observed
     admirable admirably astute authentic beguiling buoyant charismatic compassionate convincing
 convincingly crisp deft deftly effortless effortlessly eloquent endearing
 enlightening entertainingly exuberant fascinated gifted genuine genuinely good-natured humane
 humorous illuminating impressively irresistible lovingly lucid luminous lyrical meaningful
 nuanced perceptive pleasurable polished potent provocative radiant refreshingly resonant
 richly savvy skillful skilful skilled soulful sparkling spirited
 stirring striking stylish suspenseful sympathetic talented tasteful tremendous triumphs
 truthful vibrant visionary wise wisdom worthy crowd-pleasing crowd-pleaser hilarity funnier
 brilliantly expertly finely nicely pleasantly happily gladly praise praised applaud
 applauded celebrate celebrated thrill thrills thrilled enjoys enjoyment entertain entertains
 relish savor savour cherish cherished impress impresses dazzle dazzles soar soars
 shine shines sparkles excel excels succeeds winner achievement accomplishment 
 appreciative appreciation thx delicious tasty yummy cozy cosy comfy 
 durable affordable bargain beloved gem treasures charmed captivated
 captivates satisfies heartening invigorating joyously tender-hearted
 masterly accomplished handsome `,
  ],
  [
    1.0,
    `take-care
    humor humour energy craft soul style substance wry droll sly sweeping intense fun-filled likeably cleanly carefully honestly earnestly heart-felt
     adequate passable serviceable harmless cute quirky earnest
 well-intentioned agreeable tolerable respectful 
 workable amuse amuses amused painless tidy 
 decent-enough`,
  ],
  [
    -1.0,
    `excess excessive gimmick gimmicks gimmicky shtick cheap cheaply dumbly emptiness tries pretends unsubtle heavy-handedness cartoonish cardboard one-dimensional two-dimensional paper-thin underwritten overacted overacting overwritten predictably unevenly blandly tediously dully ploddingly aimlessly pointlessness mess-up sloppiness
     lackluster lacklustre middling so-so ordinary long-winded talky
 inert listless limp slight flimsy superficial simplistic preachy sentimental
 schmaltzy melodramatic manipulative far-fetched implausible uninvolving uninteresting
 unfocused unsatisfying unimpressive unexciting uninspiring overblown overcooked overproduced
 overrated underdeveloped undercooked half-baked thinly awkwardly clunky creaky labored
 laboured strained forced stiff wooden numbing bothered bother bothersome inconvenient
 inconvenience delayed faulty defective glitchy buggy overpriced noisy dirty smelly complaint
 complain complaining complains regrettable cliche cliches pretension
 pretensions bleak murky grim endless endlessly overstuffed bloated shapeless aimless
 pedestrian perfunctory run-of-the-mill paint-by-numbers by-the-numbers tiring wearisome
 silliness lazily sloppily slapdash shrill annoyance irritation awkwardness 
 shortcomings mistaken hokey corny
 stumbles stumble falters sags plods plod fumbles flounders grates dragged drags
 dumbed-down unconvincingly muddle uninvolved problematically letdown let-down disappoint
 unnecessary needless`,
  ],
  [
    -2.0,
    `sadness loneliness unhappiness hopelessness helplessness heartache selfish greedy corrupt sneaky
     uneducated arrogant filthy cowardly
     disastrously ineptly incompetently unwatchably mind-numbing mind-numbingly soporific snooze yawn yawner excruciatingly
     badly dislikes disliked annoys waste wastes wasting stinks stinker stinky sour offensive
 insulting condescending patronizing patronising tasteless crude vulgar intolerable dreary
 dismal incomprehensible interminable inexcusable outrageous outraged livid disrespectful
 dreadfully stupidly lamentable deplorable shameful shameless dishonest inferior substandard
 unreliable ruined ruins ruin spoiled spoils sorrow nonsense brainless idiocy fake phony
 phoney hypocritical ugh yuck unhelpful useless unacceptable rip-off ripoff regret regrets
 disappoints disappointingly squander squanders squandered botch botched bungle bungled
 misguided misfires collapses miserable-looking cringe cringeworthy cringey unlikable
 unlikeable unpleasantly tedium mediocrity monotony stupidity irritates frustrates suffers
 exasperating annoyingly grotesque repellent repugnant unpalatable inedible`,
  ],
  [
    -3.0,
    `misery
     fiasco unforgivable infuriating horribly miserably drivel travesty debacle trainwreck
 detest detestable disgrace disgraceful pathetically abysmally atrociously appallingly
 worthlessness insufferably godawful dreck`,
  ],
];

/**
 * Hostility, fear, scorn and profanity as people write them in chats and comments (added in round 6);
 * a word already listed above keeps its value there. Task-ambiguous words ("kill", "dead", "crazy",
 * "insane", "hell") are still left out.
 */
const CHAT_NEGATIVE: [number, string][] = [
  [-1.0, `impossible incorrect disagree disagreed disagreeing disagrees damn blame blamed dummy`],
  [
    -2.0,
    `scary ignorant misogynistic racist sexist toxic jerk loser shit wtf outrage outraged suck
     dishonesty troll trolls unhinged spiteful`,
  ],
  // Just under STRONG_WORD: a lone curse or insult is negative; very negative needs rage (an
  // intensifier, a pile of them) or a slur (codebook section 4).
  [-2.4, `terrifying fuck fucked shitty bullshit pissed idiot idiots moron morons asshole liar dammit fml`],
  // Contempt for people: insults and slurs are hostility, "very negative" for slurs (codebook section 4).
  [
    -2.0,
    `crook crooks scum thieves bitch bitches bastard bastards dirtbag lowlife whore whores slut sluts
     skank skanks thug thugs hoodlum hoodlums pervert perverts degenerate degenerates scumbag scumbags
     douche douchebag douchebags nutcase weirdo weirdos narcissist narcissists bigot bigots hypocrite
     hypocrites coward cowards`,
  ],
  [
    -3.0,
    `nigger niggers nigga niggas faggot faggots fag fags kike kikes spic spics chink chinks tranny trannies
     retard retards cunt cunts motherfucker motherfuckers`,
  ],
];

/**
 * A whole message that only acknowledges or agrees ("yes", "ok", "sure, go on"): neutral by the
 * codebook (section 4), although "yes" and "okay" read mildly positive inside a sentence.
 */
export const ACKNOWLEDGEMENT =
  /^\s*(?:(?:yes|yeah|yep|yup|yea|ok|okay|k|sure|alright|all right|right|fine|no|nope|nah|go on|go ahead|continue|got it|i see|uh huh|mhm|hmm|please|yes please|ok then|okay then|okay fine|ok fine|exactly|correct|true|both|either|neither)[\s,.!]*)+$/;

/**
 * Criticism and praise of work and conduct in general English (added in round 7): laziness, pandering,
 * tastelessness, slightness, tedium; assurance, depth, verve. A word already listed keeps its value.
 * Words with a common neutral sense in tasks ("flat", "cold", "light", "deep", "trivial", "redundant",
 * "complex", "classic", "real") are left out.
 */
const GENERAL_EVALUATIVE: [number, string][] = [
  [
    -1.0,
    `incomplete inconsequential overstated humdrum uneventful unengaging unmemorable disposable
     trifling insubstantial rote rambling haphazard jumbled choppy spotty patchy ponderous turgid
     leaden drawn-out draggy gloomy wearying careless disorganized disorganised indulgent
     self-indulgent`,
  ],
  [
    -2.0,
    `lazy glib facile crass pandering incapable overhyped smug trashy exploitative sleazy hammy
     second-rate third-rate subpar clueless senseless vacuous bewildering self-important cloying saccharine
     maudlin treacly bombastic overbearing unreadable woeful crummy shabby tacky gaudy garish distasteful
     gratuitous superfluous feeble nonsensical illogical misconceived ill-conceived wrongheaded overpraised
     maddening galling deceitful fraudulent mean-spirited heartless stultifying deadening grueling
     clunker moronic`,
  ],
  [-2.5, `repulsive revolting sickening nauseating sadistic hideous horrid ghastly`],
  [
    2.0,
    `revelation standout knockout stunner indispensable sophisticated incisive shrewd profound gutsy
     groundbreaking pioneering hypnotic adroit nimble zesty zippy snappy brisk taut well-paced
     fast-paced breezy effervescent bubbly jubilant electrifying nail-biting indelible timeless commendable
     laudable praiseworthy`,
  ],
];

/**
 * Hyphenated evaluative words ("top-notch"), which the tokeniser splits into parts: keyed by their
 * parts joined with '-', and found from their first part, so the check costs one set lookup a token.
 */
export const COMPOUND_VALENCE: ReadonlyMap<string, number> = new Map(
  [...EVALUATIVE, ...GENERAL_EVALUATIVE].flatMap(([v, words]) =>
    words
      .split(/\s+/)
      .filter((w) => w.includes('-'))
      .map((w) => [w, v] as [string, number]),
  ),
);
export const COMPOUND_HEADS: ReadonlySet<string> = new Set(
  [...COMPOUND_VALENCE.keys()].map((w) => w.split('-')[0]),
);

/** Multi-word expressions scored as one unit, checked before single words. */
export const PHRASES: [RegExp, number][] = [
  [/\bnot (?:bad|terrible|awful|too bad|so bad|that bad)\b/g, 1.2],
  [/\bnot (?:ok|okay|alright|all right|fine|good|great|well|happy)\b/g, -2.2],
  [
    /\b(?:i|i'm|im) (?:feel|feeling|am|m)? ?(?:so |very |really |completely )?(?:alone|lonely|empty|numb|invisible)\b/g,
    -2.8,
  ],
  [/\b(?:want|wanted|wanting) to (?:die|disappear|end it)\b/g, -3.5],
  [/\b(?:kill|hurt|harm|cut) myself\b/g, -3.5],
  [/\b(?:no one|nobody) (?:cares|loves|understands|listens|likes)\b/g, -3],
  [/\bcan't (?:take|handle|stand|cope|sleep|stop crying|do this)\b/g, -2.5],
  [
    /\b(?:fed up|sick of|tired of|give up|gave up|giving up|falling apart|fall apart|breaking down|broke down)\b/g,
    -2.2,
  ],
  [/\b(?:at my wits'? end|end of my rope|the last straw)\b/g, -2.5],
  // Impatience with, or distrust of, the assistant: a complaint (codebook section 4).
  [
    /\b(?:just (?:answer|tell me|give me)|answer (?:the|my) question|stop (?:beating around the bush|dodging|avoiding|stalling|lying|changing the subject)|you(?:'re| are) (?:not|no) (?:helping|help|helpful|making (?:any )?sense|listening)|(?:that's|that is) not what i (?:asked|said|meant)|i (?:just|already) (?:asked|told) you|i (?:don't|do not) trust you|are you (?:high|drunk|stupid|dumb|crazy|even listening)|what(?:'s| is) wrong with you|help me or not)\b/g,
    -2,
  ],
  // Wanting revenge or spite shows resentment, whatever the request looks like (codebook section 4).
  [
    /\b(?:get|got|getting) (?:back at|even with)\b|\b(?:get|take|taking|want|wanting|seek|seeking|my) revenge\b|\bmake (?:him|her|them|someone|people) pay\b|\bteach (?:him|her|them) a lesson\b|\bwhat the (?:hell|heck)\b/g,
    -2,
  ],
  // Warm, emphatic thanks is as strong as praise gets in a chat.
  [
    /\b(?:thank you|thanks|thankyou) (?:so|very) much\b|\bthank you so\b|\b(?:really|truly|greatly|so) (?:appreciate|appreciated|grateful|thankful)\b|\bthanks a (?:lot|million|ton|bunch)\b/g,
    2.6,
  ],
  [/\b(?:thank you|much appreciated)\b/g, 2],
  [/\b(?:feel|feeling|felt|i'm|i am|so|pretty|kind of|sort of|a bit|really) down\b/g, -2],
  [/\b(?:feel|feeling|felt) (?:so much|a lot|much|way|so) better\b/g, 2.7],
  [/\b(?:can't wait|looking forward)\b/g, 2],
  [/\b(?:feel|feeling|felt) (?:better|good|great|much better|relieved|happy|hopeful)\b/g, 2.2],
  [/\b(?:makes?|made) (?:me|my day) (?:smile|happy|laugh)\b/g, 2.5],
  [
    /\b(?:waste of (?:time|money)|fell flat|falls flat|misses the mark|doesn't work|does not work|didn't work)\b/g,
    -2,
  ],
  [/\b(?:well worth|worth (?:seeing|watching|it|the))\b/g, 2],
  [/\b(?:too long|too slow|too much|over the top)\b/g, -1.2],
  [/\b(?:i'm|i am|im) (?:a )?(?:failure|loser|idiot|mess|burden)\b/g, -3],
  [/\b(?:hate|hating) myself\b/g, -3.2],
  [/\bheart ?broken\b/g, -3],
  [/\bbroke up\b/g, -2],
  [/\bpassed away\b/g, -2.5],
  [/\b(?:no|not any) (?:problem|worries)\b/g, 1],
  [/\b(?:thought-provoking|well-(?:made|crafted|acted|written|done))\b/g, 2],
  [/\bheavy-handed\b/g, -1.2],
  [/\b(?:miss|missed) you\b/g, 1],
  [
    /\b(?:not worth|nothing new|goes nowhere|going nowhere|runs out of steam|ran out of steam|falls apart)\b/g,
    -1.8,
  ],
  // "little more than a demo", "nothing more than a wrapper": dismissal; not a quantity ("a little more
  // than an hour") nor a wish ("nothing more than to rest").
  [/\b(?:nothing more than|(?<!\ba )little more than)\b(?! to\b)|\bless than the sum of its parts\b/g, -1.5],
];

export const NEGATORS: ReadonlySet<string> = new Set(
  `not no never nor none nobody nothing neither without hardly barely scarcely isn't aren't wasn't
   weren't don't doesn't didn't can't cannot couldn't won't wouldn't shouldn't haven't hasn't
   hadn't ain't dont doesnt didnt cant wont isnt arent wasnt werent havent aint couldnt wouldnt
   shouldnt lack lacks lacking n't`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that scale the next sentiment word. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ...'very really so extremely incredibly super totally absolutely utterly deeply truly terribly awfully completely highly most especially particularly quite too pretty'
    .split(' ')
    .map((w) => [w, 1.35] as [string, number]),
  // Degree adverbs and adjectives of completeness ("thoroughly dull", "sheer joy", "a complete mess").
  ...'thoroughly entirely wholly downright utter sheer complete total pure unbelievably woefully profoundly supremely immensely hugely enormously exceedingly'
    .split(' ')
    .map((w) => [w, 1.35] as [string, number]),
  ...'slightly somewhat little bit kinda sorta fairly rather mildly barely'
    .split(' ')
    .map((w) => [w, 0.65] as [string, number]),
]);

/** Contrastive connectives: the clause after them carries more weight, the one before less. */
export const CONTRASTS: ReadonlySet<string> = new Set(['but', 'however', 'although', 'though', 'yet']);

/** Hedges that soften a whole clause. */
export const HEDGES: ReadonlySet<string> = new Set([
  'maybe',
  'perhaps',
  'guess',
  'suppose',
  'somewhat',
  'probably',
  'seems',
  'seemed',
]);

export const EMOJI_VALENCE: ReadonlyMap<string, number> = new Map([
  [':)', 2],
  [':-)', 2],
  [':d', 2.5],
  [':-d', 2.5],
  [':p', 1],
  [';)', 1.5],
  [';-)', 1.5],
  [':(', -2],
  [':-(', -2],
  ['😊', 2],
  ['😀', 2],
  ['😁', 2],
  ['😂', 1.5],
  ['🤣', 1.5],
  ['❤', 2.5],
  ['😍', 2.5],
  ['🥰', 2.5],
  ['👍', 1.5],
  ['🙂', 1.5],
  ['😉', 1.5],
  ['😢', -2.5],
  ['😭', -2.5],
  ['😞', -2],
  ['😔', -2],
  ['😡', -2.5],
  ['😠', -2.5],
  ['💔', -2.5],
  ['🙁', -1.5],
  ['☹', -1.5],
]);

/**
 * Words whose regular derived forms mean something else or nothing evaluative ("means", "kinds",
 * "fines", "contents", "clearly", "easily", "strongly"), so no derived form is made from them.
 */
const NO_DERIVED_FORMS: ReadonlySet<string> = new Set(
  `mean kind fine content sure ill yes yeah yep true fair clear easy strong hard safe lack miss
   pretty rich win won like well right free ok okay alright fresh lost cool sharp thin busy odd
   deep bold weird sound tough light missing just original impossible scary`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Regular derivations of an adjective keep its polarity ("clever" → "cleverly", "bland" →
 * "blandness"); plurals are not made (they cost accuracy on chat text). Made once at load, so a lookup stays one Map get. Derived forms
 * are slightly weaker (an adverb or abstract noun is less direct than the adjective).
 */
function derivedForms(w: string): string[] {
  if (w.includes('-') || w.length < 4) return [];
  const out: string[] = [];
  if (w.endsWith('y')) out.push(`${w.slice(0, -1)}ily`, `${w.slice(0, -1)}iness`);
  else if (w.endsWith('le')) out.push(`${w.slice(0, -1)}y`);
  else if (w.endsWith('ic')) out.push(`${w}ally`);
  else out.push(`${w}ly`, `${w}ness`);
  return out;
}

export const VALENCE: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const [v, words] of BUCKETS) for (const w of words.split(/\s+/)) if (w) m.set(w, v);
  for (const [v, words] of [...EVALUATIVE, ...CHAT_NEGATIVE, ...GENERAL_EVALUATIVE])
    for (const w of words.split(/\s+/)) if (w && !w.includes('-') && !m.has(w)) m.set(w, v);
  const derived = new Map<string, number>();
  for (const [w, v] of m) {
    if (NO_DERIVED_FORMS.has(w)) continue;
    for (const d of derivedForms(w)) if (!m.has(d) && !derived.has(d)) derived.set(d, v * 0.85);
  }
  // A derived form that is a function word ("terribly", "fairly", "barely") keeps that role only.
  for (const [d, v] of derived) if (!NEGATORS.has(d) && !INTENSIFIERS.has(d) && !HEDGES.has(d)) m.set(d, v);
  return m;
})();

/**
 * Words that carry the writer's own stance even inside a question or a request: feelings, insults,
 * profanity, slurs. Other evaluative words there name what is asked about ("a good excuse", "the
 * worst president", "bad words"), and the codebook rates the message, not the topic (section 4).
 */
export const STANCE_WORDS: ReadonlySet<string> = new Set(
  [
    ...CHAT_NEGATIVE.flatMap(([, w]) => w.split(/\s+/)),
    ...`sad unhappy upset angry mad hurt hurting anxious stressed scared afraid lonely depressed
       heartbroken frustrated hate hated dislike ashamed embarrassed jealous bitter insecure overwhelmed
       helpless exhausted desperate hopeless miserable devastated suicidal furious terrified worried
       annoyed tired stupid dumb ugly pathetic disgusting gross useless worthless cry crying die dead`.split(
      /\s+/,
    ),
  ].filter(Boolean),
);

/** Openings that make a clause a question or a request even without a question mark. */
export const REQUEST_OPENINGS: ReadonlySet<string> = new Set(
  `tell give list show help teach explain describe name find suggest recommend please`.split(' '),
);
/**
 * Instructions that open a task: the text to write, rewrite or work on follows them, so its words
 * are the content's, not the user's feelings (codebook section 4: rate the message, not the topic).
 */
export const TASK_OPENINGS: ReadonlySet<string> = new Set(
  `write rewrite create generate compose draft translate edit proofread summarize summarise paraphrase
   implement code convert design build make introduce use act pretend compare
   solve calculate develop produce prepare outline`
    .split(/\s+/)
    .filter(Boolean),
);
export const QUESTION_OPENINGS: ReadonlySet<string> = new Set(
  `how what where which who why when can could would will is are do does did should`.split(' '),
);
