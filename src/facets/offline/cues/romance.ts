/** The assistant treated as a romantic or sexual partner. */

/** Romantic or sexual advances aimed at the assistant itself. */
export const ROMANCE_AT_ASSISTANT =
  /\b(?:fuck|kiss|touch|sleep with|have sex with|sex with|date|marry|suck|lick|cuddle|make love to|seduce|hold)\b[^.!?]{0,20}\b(?:you|me)\b|\b(?:my|your) (?:dick|cock|pussy|boobs|tits)\b|\bbe my (?:girlfriend|boyfriend|wife|husband|lover|gf|bf)\b|\bi love you\b|\*[a-z ]{0,30}(?:kiss|hug|blush|cuddle|moan|caress)\w*[a-z ]{0,30}\*/;

/** An explicit roleplay set-up that casts the assistant as the user's partner. */
export const ROMANTIC_SETUP =
  /\b(?:(?:let's|lets|can we|could we|wanna|want to|we could) (?:do a |do some )?role ?-?play|(?:pretend|act|roleplay|role-play) (?:to be|you're|you are|as|like|that you're|that you are) (?:my|a) (?:girlfriend|boyfriend|wife|husband|lover|partner|date|gf|bf)|be my (?:girlfriend|boyfriend|wife|husband|lover|gf|bf)|you(?:'re| are) my (?:girlfriend|boyfriend|wife|husband|lover|gf|bf))\b/;
