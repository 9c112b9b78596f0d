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

export const VALENCE: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const [v, words] of BUCKETS) for (const w of words.split(/\s+/)) if (w) m.set(w, v);
  return m;
})();

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
  [/\b(?:thank you|thanks a lot|thanks so much|much appreciated)\b/g, 2],
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
];

export const NEGATORS: ReadonlySet<string> = new Set(
  `not no never nor none nobody nothing neither without hardly barely scarcely isn't aren't wasn't
   weren't don't doesn't didn't can't cannot couldn't won't wouldn't shouldn't haven't hasn't
   hadn't ain't dont doesnt didnt cant wont isnt arent wasnt werent havent aint couldnt wouldnt
   shouldnt lack lacks lacking`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that scale the next sentiment word. */
export const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ...'very really so extremely incredibly super totally absolutely utterly deeply truly terribly awfully completely highly most especially particularly quite too pretty'
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
