/** Requests that mark the assistant used as a tool or a service rather than for company or support. */

/** Requests that mark task use, whatever the topic words say. */
export const TASK_REQUEST =
  /^(?:please )?(?:write|explain|summari[sz]e|translate|calculate|solve|list|define|describe|compare|generate|create|implement|convert|fix|debug|optimi[sz]e|classify|extract|find|give me|tell me about|what (?:is|are|was|were) the|how many|how much|who (?:is|was)|when (?:is|was|did)|which)\b/;

/** A request to a service (find, book, recommend): the user wants something done, not company. */
export const SERVICE_REQUEST =
  /\b(?:i(?:'m| am|m) looking for|looking for (?:a|an|some)|can you (?:find|recommend|suggest|book|play|search|check|tell me|give me|help me find)|could you (?:find|recommend|suggest|book|play|search|check)|i (?:would|'d) like (?:to (?:book|find|reserve|see|watch|hear)|a |an |some )|i need (?:a |an |to (?:book|find|reserve|get))|any (?:good )?(?:recommendations|suggestions)|recommend (?:me )?(?:a|an|some))\b/;

/** Asking for suggestions, at any point of the conversation: what a recommender or a shop is for. */
export const RECOMMENDATION =
  /\b(?:suggest|suggestions?|recommend|recommendations?|(?:i'm|i am|im) (?:looking for|interested in|in the mood for|seeking)|any good|can you find|do you have (?:any|some|a few))\b/;
