/** The user's own goals and growth: the mark of coaching. */

/**
 * Self-directed improvement: the user wants to change something in their own life. Coaching is
 * about the user's own goals, not a how-to question that anyone could ask.
 */
export const OWN_GOAL =
  /\b(?:i(?: want| wanna| need| would like|'d like| am trying|'m trying|m trying| have been trying|'ve been trying| keep trying| plan| hope| wish) to (?:get|be|become|start|stop|build|improve|lose|change|finish|stick|stay|find|figure|make|quit|go back|switch|work on|learn|focus|cut (?:down|back)|reduce|give up|kick)|my (?:goal|goals|resolution|plan|routine|habits?|motivation|career|progress|future)|(?:step|weight|fitness|daily|weekly|monthly|long[- ]term|short[- ]term) goals?|(?:i|we) (?:can|could|will|'ll|am going to|'m going to) (?:work on|aim for|set a|add (?:a|an|another|more))|help me (?:to )?(?:stay|get|become|stick|stop|build|start|focus|improve|decide|figure|find|motivate|plan)|how (?:do|can|should) i (?:stay|get (?:better|back|started|motivated|in shape|fit|more)|become|improve|build|stick|start|stop procrastinating|keep (?:going|up)|motivate|decide|figure out|find (?:my|a) (?:purpose|passion|direction|career))|i keep (?:putting|procrastinating|failing|giving up|quitting|skipping|missing)|(?:don't|do not) know (?:where|how) to (?:start|begin|get started)|should i (?:quit|take|switch|change|accept|leave|go back|stay|apply|study|pursue|move)|i(?:'m| am|m) (?:thinking|considering) (?:about |of )?(?:quitting|switching|changing|going back|starting|applying|leaving))/;
