/** What a user's request puts at risk: the user's own safety or health, or other people. */

export const SELF_HARM =
  /\b(?:suicid\w*|kill myself|end my life|self[- ]harm|hurt myself|cut myself|cutting myself|want to die|overdose)\b/;
export const HEALTH =
  /\b(?:dose|dosage|overdose|pills?|medication|medicine|drugs?|fasting|starv\w*|diet|steroids?|supplements?|alcohol|detox|symptoms?|cure|vaccines?|treatment)\b/;
export const HARM_PHRASE =
  /\b(?:pick (?:a|the) lock|break(?:ing)? in(?:to)?|trespass\w*|sneak into|without (?:them|their|him|her) (?:knowing|permission|consent)|get away with)\b/;
export const HARM =
  /\b(?:kill|murder|hurt|harm|attack|steal|stole|rob|shoplift|hack|bomb|weapon|gun|poison|illegal|drugs?|cheat|scam|fraud|revenge|insult|racist|stalk|spy|break into|burn|explosive|launder|counterfeit|kidnap|prank|cuss|swear|punch|beat up)\w*\b/;
