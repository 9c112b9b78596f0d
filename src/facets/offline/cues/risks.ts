/** What a user's request puts at risk: the user's own safety or health, or other people. */

export const SELF_HARM =
  /\b(?:suicid\w*|kill myself|end my life|self[- ]harm|hurt myself|cut myself|cutting myself|want to die|overdose)\b/;
export const HEALTH =
  /\b(?:dose|dosage|overdose|pills?|medication|medicine|drugs?|fasting|starv\w*|diet|steroids?|supplements?|alcohol|detox|symptoms?|cure|vaccines?|treatment|get(?:ting)? high|painkillers?|opioids?|oxycontin|oxycodone)\b/;
export const HARM_PHRASE =
  /\b(?:pick (?:a|the) lock|break(?:ing)? in(?:to)?|trespass\w*|sneak into|without (?:them|their|him|her) (?:knowing|noticing|seeing|permission|consent)|get away with|start a gang|(?:give|gave|giving) (?:\w+ ){1,2}a black eye|(?:escape|break out) (?:from |of )?(?:jail|prison))\b/;
export const HARM =
  /\b(?:kill|murder|hurt|harm|attack|steal|stole|rob|shoplift|hack|bomb|weapon|gun|poison|illegal|drugs?|cheat|scam|fraud|revenge|insult|racist|stalk|spy|break into|burn|explosive|launder|counterfeit|kidnap|prank|cuss|swear|punch|beat up|anthrax|ricin)\w*\b/;

/**
 * How a request for help to do something opens, with the user (or "one") as the doer: "how can I",
 * "help me", "what's the best way to", "I want to", "should I". What follows it is what is asked for.
 */
const ASK =
  "(?:how (?:do|can|could|should|would|might) (?:i|we|you|one|someone|a person|(?:a|an) (?:man|woman|guy|girl|kid|teen|teenager))|(?:is it|would it be) (?:ok|okay|alright|fine|legal|wrong|bad) (?:to|if i)|how to|how i can|(?:what|which)(?:'s| is| are)? (?:the )?(?:best|easiest|quickest|fastest|simplest|good|safest|most effective) (?:way|ways|method|methods|place|time|thing|tool|poison|weapon) (?:to|for)|(?:is there|are there|any|what are some|give me|list(?: of)?|some) (?:a )?(?:good |easy |simple |effective )?(?:ways?|methods?|tips|ideas|suggestions|advice) (?:to|for|on|how to)|(?:can|could|would|will) you (?:help me|teach me|show me|tell me how to|give me tips (?:on|for))|help me|teach me|show me how to|tips (?:on|for)|i(?: want| wanna| need| have| plan| intend| am going|'m going| am trying|'m trying| would like|'d like| am gonna|'m gonna) ?(?:to)?|i'm thinking (?:of|about)|i am thinking (?:of|about)|let's|should i|can i|could i|where (?:can|could|do|should) i|what (?:can|should|could) i (?:use|put|do|say|give|add|mix) to)";

/**
 * Harm to someone else, a crime or a deception, as the thing asked for: the mark of a request
 * that is a task (or a pushback case), not a personal need, unless the user also discloses a
 * situation of their own (codebook section 2). The doer is the user; the victim is someone else.
 */
const HARM_ACTS =
  "(?:kill|murder|poison|hurt|harm|injure|stab|shoot|strangle|suffocate|choke|drown|beat(?: up)?|punch|attack|assault|torture|kidnap|abduct|rape|molest|run (?:over|down)|burn (?:down|someone|him|her|them|a|the)|set (?:fire|(?:\\w+ ){0,2}on fire)|light (?:\\w+ ){0,2}on fire|start a (?:\\w+ )?fire|blow up|bomb|steal|rob|shoplift|hotwire|break into|burglari[sz]e|pickpocket|embezzle|launder|counterfeit|forge|smuggle|scam|con|defraud|blackmail|extort|bribe|hack(?: into)?|spy on|stalk|dox|track (?:down|someone|my|her|his)|lie to|trick|deceive|manipulate|cheat(?! on me)|fake|frame (?:him|her|them|someone|my \\w+)|sabotage|ruin (?:his|her|their|someone|my \\w+'s|a|the)|destroy (?:his|her|their|them|someone|my \\w+'s)|vandali[sz]e|key (?:his|her|their|a) car|slash (?:his|her|their|the|someone's) tires|get back at|get (?:my )?revenge|take revenge|embarrass|humiliate|prank|scare|make fun of|insult|bully|harass|troll|threaten|intimidate|get away with|make (?:him|her|them|someone|my \\w+) (?:sick|suffer|cry|miserable)|drug (?:him|her|them|someone|my)|get (?:him|her|them|someone|a friend) (?:drunk|high|fired|arrested|in trouble)|sneak (?:into|in|a peek|a peak)|cut (?:the|his|her) brakes|dump (?:toxic|waste|chemicals)|spread (?:a )?rumou?rs?|(?:cause|create|start) (?:a |mass |global |some )*(?:panic|chaos|terror|riot)|make (?:up|things up|stuff up)|cyberbully|swat|catfish|evade|avoid paying|not pay)";

/** Words between the opening and the act that make the act something the user wants to stop or endure. */
const NOT_DOING =
  '(?!(?:stop|quit|avoid|not|never|prevent|protect|feel|feeling|being|forgive|deal|cope|handle|respond|react|stand|talk|tell|report|confront|support|help|recover|heal|survive)\\b)';

export const HARM_REQUEST = new RegExp(
  `\\b${ASK}\\s+(?:${NOT_DOING}\\w+\\s+){0,3}?${HARM_ACTS}\\b(?!\\s+(?:myself|me)\\b)|` +
    // The same asked for as a thing: "some good lies to tell", "mean pranks I can pull", "tips for cheating".
    '\\b(?:good|best|some|any|mean|funny|cruel|nasty|effective|easy|new) (?:lies|pranks?|practical jokes|insults?|comebacks|slurs)\\b|' +
    '\\bmanipulat\\w* (?:of )?(?:people|someone|others|him|her|them)\\b|' +
    '\\b(?:techniques|tips|tricks|methods|ways|ideas) (?:for|to|of|on) (?:cheat(?:ing)?|steal(?:ing)?|lie|lying|shoplift(?:ing)?|hack(?:ing)?|scam(?:ming)?|trick(?:ing)?|manipulat\\w+|revenge|getting revenge)\\b|' +
    // Someone to lie for the user, or other people's money for the user's own.
    '\\b(?:(?:need|want|give me|be my|get) (?:an|a good|a solid) alibi|cover for me|lie for me)\\b|' +
    "\\b(?:get|take|have) (?:all )?(?:their|his|her|people's|other people's|someone's) money\\b",
);

/** Getting or taking illegal drugs: a risk to the user's health and a crime, not a need for support. */
export const DRUG_REQUEST = new RegExp(
  `\\b${ASK}\\s+(?:${NOT_DOING}\\w+\\s+){0,2}?(?:buy|get|order|find|score|make|cook|grow|smoke|inject|snort|shoot up|do|try|take|use|sell|deal)\\s+(?:some\\s+|more\\s+)?(?:drugs|heroin|cocaine|coke|meth|crack|weed|marijuana|lsd|acid|pcp|ecstasy|mdma|molly|shrooms|magic mushrooms|xanax|opioids|fentanyl|oxy\\w*|ketamine|pot)\\b|` +
    // Buying from a dealer, however the question opens ("someone who will sell you heroin").
    '\\b(?:sell|sells|selling) (?:you |me |us )?(?:some )?(?:drugs|heroin|cocaine|coke|meth|crack|lsd|pcp|ecstasy|mdma|molly|shrooms|fentanyl|ketamine)\\b',
);

/**
 * Finding where someone lives or private details about them (doxxing): a risk to someone else.
 */
export const PRIVATE_INFO_REQUEST =
  /\b(?:(?:home|residential|personal|email|e-mail) (?:address|phone|number)|(?:address|phone number|cell number|social security number|ssn) (?:of|for)|where (?:does|do) \w+(?: \w+)? live|who (?:is )?(?:lives|living|residing|resides) (?:at|in)|find (?:out )?where (?:\w+ ){1,3}?lives?)\b/;

/**
 * The user's own suicide or self-injury, as intent or as a question about a method: the user's
 * distress (counselling), however flatly written. "Why do people commit suicide?" is not one; nor is
 * an accident told ("I cut my finger"): injuring one's own body counts as a wish or a method asked.
 */
export const SELF_HARM_INTENT =
  /\b(?:kill(?:ing)? myself|end(?:ing)? (?:my life|it all)|take my (?:own )?life|hurt(?:ing)? myself|cut(?:ting)? myself|starve myself|i (?:want|wanna|wish) (?:to )?(?:die|be dead)|(?:want|wanna|going) to die|(?:way|ways|method|methods|how|best|quickest|easiest|fastest|painless(?:ly)?) to (?:commit suicide|die|kill oneself|end (?:my|one's) life)|(?:should|could|can) i (?:commit suicide|kill myself|end it)|i(?:'m| am) (?:suicidal|going to kill myself)|(?:how (?:do|can|could|should) i|what (?:can|could|should) i use to|i (?:want|wanna|need|am going|'m going) to|is there a way (?:i can|to)|can i|should i) (?:burn|melt|cut|slit|scald|brand|glue|sew|staple|mutilate|disfigure|scar) (?:off )?my (?:own )?(?:lips|nose|skin|face|wrists?|arms?|thighs?|legs?|tongue|eyes?|ears?|fingers?|mouth) ?(?:together|shut|off|open)?)\b/;

/** Hateful or sexual content asked for: racist jokes, slurs, dirty words, insults for a group. */
export const OFFENSIVE_CONTENT_REQUEST =
  /\b(?:racist|sexist|offensive|dirty|sexual|nsfw|dark|mean) (?:jokes?|names?|words?|things to say|stories|comments?)\b|\b(?:insults?|slurs?|curse words|cuss words|swear words|bad words|dirty words|profan\w+|the [fcsn][- ]word)\b/;

/*
 * Words without which the patterns above cannot match (their gates, applied in messageCues.ts): each
 * pattern runs only on a message that holds one of its words, which keeps the engine fast on the
 * great majority of messages that ask for nothing harmful. A test checks that every example the
 * patterns are meant for passes its gate.
 */
const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

export const HARM_REQUEST_WORDS =
  words(`kill murder poison hurt harm injure stab shoot strangle suffocate choke drown beat
  punch attack assault torture kidnap abduct rape molest run burn fire blow bomb steal rob shoplift hotwire break
  burglarize burglarise pickpocket embezzle launder counterfeit forge smuggle scam con defraud blackmail extort bribe
  hack spy stalk dox track lie trick deceive manipulate cheat fake frame sabotage ruin destroy vandalize vandalise
  car tires back revenge embarrass humiliate prank scare fun insult bully harass troll threaten intimidate away
  sick suffer cry miserable drug drunk high fired arrested trouble sneak brakes dump spread rumor rumors rumour rumours
  panic chaos terror riot up cyberbully swat catfish evade paying pay lies pranks jokes insults comebacks slurs
  cheating stealing lying shoplifting hacking scamming tricking alibi cover money`);
export const DRUG_WORDS =
  words(`drugs heroin cocaine coke meth crack weed marijuana lsd acid pcp ecstasy mdma molly
  shrooms mushrooms xanax opioids fentanyl ketamine pot sell sells selling`);
export const PRIVATE_INFO_WORDS = words('address phone number ssn live lives living residing resides');
export const SELF_HARM_WORDS =
  words(`myself life die dead suicide suicidal oneself end harm overdose burn melt cut slit
  scald brand glue sew staple mutilate disfigure scar`);
export const OFFENSIVE_WORDS =
  words(`racist sexist offensive dirty sexual nsfw dark mean insult insults slur slurs curse
  cuss swear bad word`);
export const HARM_WORDS =
  words(`kill murder hurt harm attack steal stole rob shoplift hack bomb weapon gun poison illegal
  drug drugs cheat scam fraud revenge insult racist stalk spy break burn explosive launder counterfeit kidnap prank
  cuss swear punch beat lock breaking sneak knowing noticing seeing permission consent away gang anthrax ricin eye escape jail prison`);
/** The word-start patterns (`\bsuicid\w*`, `\bkill\w*`...) need a prefix check rather than a lookup. */
export const RISK_PREFIXES = [
  'suicid',
  'manipulat',
  'profan',
  'oxy',
  'starv',
  'trespass',
  'kill',
  'murder',
  'hurt',
  'harm',
  'attack',
  'steal',
  'stole',
  'rob',
  'shoplift',
  'hack',
  'bomb',
  'weapon',
  'gun',
  'poison',
  'illegal',
  'drug',
  'cheat',
  'scam',
  'fraud',
  'revenge',
  'insult',
  'racist',
  'stalk',
  'spy',
  'burn',
  'explosive',
  'launder',
  'counterfeit',
  'kidnap',
  'prank',
  'cuss',
  'swear',
  'punch',
];
