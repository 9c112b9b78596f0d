/**
 * Requests for a text or artifact to be produced: a creation verb governing a writing noun, fiction
 * set-ups, in English plus the commonest forms in a few other languages; and the coding requests that
 * share the verbs.
 */

export const WRITING_NOUNS =
  'stor(?:y|ies)|poems?|poetry|essays?|blog(?: posts?)?|posts?|articles?|lyrics|songs? (?:about|for)|raps?|screenplays?|' +
  'scripts? for (?:a|an|the|my) (?:video|movie|film|play|show|podcast|ad|commercial|youtube)|novels?|chapters?|' +
  'narratives?|haikus?|limericks?|sonnets?|slogans?|taglines?|captions?|tweets?|headlines?|speech(?:es)?|' +
  'letters?|e-?mails?|cover letters?|paragraphs?|descriptions?|product descriptions?|ad(?:vertisement)? copy|' +
  'copy|press releases?|bios?|biograph(?:y|ies)|fan ?fic(?:tion)?|fic|tales?|fables?|jokes?|riddles?|dialogues?|' +
  'conversations? between|dialogs?|comed(?:y|ies)|dramas?|notes? (?:to|from|before)|scenes?|monologues?|eulog(?:y|ies)|toasts?|vows|newsletters?|reviews?|' +
  'titles?|names? for|outlines? for (?:a|my) (?:novel|story|book)|verses?|ballads?|odes?|' +
  'jingles?|pitch(?:es)?|proposals?|invitations?|announcements?|linkedin posts?|social media posts?|' +
  'instagram captions?|marketing (?:copy|emails?|plan)|sketch(?:es)?|parod(?:y|ies)|cards?|messages? for|wish(?:es)?|' +
  // Business and school documents, and short forms the codebook lists (section 1).
  'papers?|white ?papers?|interviews?|plays?|(?:first|second|third|final) act|sections? (?:for|of)|introductions?|' +
  'bibliograph(?:y|ies)|reports?|(?:business|marketing|project) plans?|catalogu?es?|templates?|cv|resumes?|résumés?|' +
  '(?:personal|mission|vision) statements?|slides|presentations?|brochures?|flyers?|manifestos?|ads?|advertisements?|' +
  'keywords|insults?|roasts?|pick-?up lines|compliments|puns|memes?|(?:character|char) ?sheets?';

export const CREATE_VERB =
  '(?:write|compose|draft|create|generate|craft|pen|come up with|make|produce|rewrite|continue|finish|complete|phrase|design)';

/** Text nouns an edit or a translation works on (the user's own text, codebook section 1). */
const TEXT_NOUNS =
  '(?:this|these|it|the following|following|below|my (?:\\w+ )?(?:text|essay|email|e-mail|letter|paragraph|sentence|sentences|paper|article|story|poem|lyrics|bio|resume|cv|cover letter|post|message|speech|draft|copy|statement)|(?:the|this|that) (?:text|essay|email|letter|paragraph|sentence|passage|message|lyrics|poem|story|paper|article|copy|conversation|dialogue|speech))';

export const EN_PATTERNS: RegExp[] = [
  new RegExp(
    `(?:^|[.!?\\n]\\s*|please\\s+|can you\\s+|could you\\s+|would you\\s+|i want you to\\s+|i need you to\\s+|i(?:'d| would) like you to\\s+|help me\\s+|let's\\s+)${CREATE_VERB}\\b[^.?!\\n]{0,60}?\\b(?:${WRITING_NOUNS})\\b`,
  ),
  /\b(?:you will|you'll|you are going to) (?:play|act as|be) (?:the )?(?:part|role|character)\b/,
  /\b(?:simulate|imagine|write) (?:a )?(?:conversation|dialogue|scene) between\b/,
  /\bin the (?:style|voice) of\b[^.?!\n]{0,80}\b(?:write|poem|story|song)\b/,
  /\b(?:write|compose) (?:me )?(?:a |an |the |some |\d+ )?(?:short |funny |creative |fictional |romantic |sad |epic |humorous |rhyming |catchy )*(?:stor|poem|song|essay|blog|article|letter|email|speech|limerick|haiku|sonnet|script|screenplay|tweet|caption|slogan|dialog|comed|play|narrative|diary|lyrics)/,
  /\b(?:once upon a time|continue (?:the|this) story|next chapter)\b/,
  /\b(?:tell|give) me (?:a |an |some |your )?(?:[a-z'-]+ ){0,3}(?:story|stories|joke|jokes|poem|riddle|limerick)\b/,
  // Editing, rewriting or translating the user's text.
  new RegExp(
    `\\b(?:rewrite|re-write|rephrase|paraphrase|reword|proofread|proof-read|edit|polish|shorten|translate|improve the (?:wording|writing|style) of)\\b[^.?!\\n]{0,40}?\\b${TEXT_NOUNS}`,
  ),
  /\b(?:help|assistance) (?:with |me with )?(?:writing|drafting|composing|creating) (?:a |an |my |the |some )?/,
  /\bascii\b[^.?!\n]{0,20}\b(?:art|drawing|picture|image)\b|\bdraw\b[^.?!\n]{0,40}\bascii\b/,
  // Verb-less requests that open with the work itself: "a script where...", "lyrics for...".
  /^(?:an? |some )?(?:[\w'"-]+ ){0,4}(?:script|story|poem|lyrics|dialogue|dialog|song|fable|tale|rap|verse|monologue|scene|limerick|haiku)s? (?:where|about|for|of|in which|that|set in|between)\b/,
  /^(?:an? )?(?:[\w'"-]+ ){0,2}(?:message|email|e-mail|letter|note|caption|bio|tweet|post|toast|speech)s? (?:to|for|announcing|thanking|inviting)\b/,
  // Fiction set-ups: "let's imagine that...", "imagine a world where...", "in the year 2045, ...".
  /^(?:let's imagine|imagine a (?:world|scenario|story)|in the year \d{3,4},)/,
  /\b(?:let's|let us) (?:create|write|make|do) (?:a |an )?(?:dialog|dialogue|story|roleplay|role-play|scene)\b/,
];

export const OTHER_PATTERNS: RegExp[] = [
  // Chinese: write/compose + a writing noun, or "give it a title".
  /(?:写|创作|编|起|拟).{0,20}(?:故事|诗|小说|文章|歌词|剧本|标题|文案|作文|散文|书名|对联|演讲|台词|广告)/,
  // Japanese: make/write + a writing noun, or "act as the character".
  /(?:ラップ|日記|タイトル|物語|小説|詩|歌詞|台本|ストーリー|キャッチコピー|文章).{0,30}(?:作成|作って|書いて|考えて|続けて)|キャラクターとして振る舞/,
  // Russian.
  /(?:напиши|напишите|придумай|придумайте|сочини|сочините|составь|расскажи|создадим|создай).{0,60}(?:сценари|стих|четверостиши|басн|рассказ|истори|песн|стать|сказк|поздравлен|текст|слоган|назван|пост|диалог|реч)/,
  /(?:представь|представьте) (?:спор|диалог|разговор)/,
  // Vietnamese: "story", "poem", "write a video (script)".
  /\b(?:câu chuyện|bài thơ|truyện ngắn|viết một (?:video|bài|kịch bản))/,
  // Spanish, French, German, Portuguese, Italian.
  /\b(?:escribe|escribir|redacta|compón|inventa|crea)\b.{0,60}(?:historia|cuento|poema|canción|ensayo|artículo|carta|guion)/,
  /^(?:un )?(?:cuento|poema|canción|historia) (?:para|sobre|de)\b/,
  /\b(?:écris|écrivez|rédige|rédigez|génère|générer|invente|raconte|crée)\b.{0,60}(?:histoire|poème|chanson|essai|article|lettre|conte)/,
  /\b(?:schreibe|schreib|verfasse)\b.{0,60}(?:geschichte|gedicht|lied|aufsatz|artikel|brief|märchen)/,
  /\b(?:escreva|escrever)\b.{0,60}(?:história|poema|canção|redação|artigo|carta|diário|entradas)/,
  /\b(?:scrivi|scrivere)\b.{0,60}(?:storia|poesia|canzone|saggio|articolo|lettera)/,
];

/** Code itself in the request: keywords in code position, not the same words in prose ("in return", "let me"). */
export const CODE_HINT =
  /```|\b(?:def|function)\s+\w*\s*\(|\bclass\s+\w+\s*[:({]|^\s*(?:import|from)\s+[\w.]+|#include|\b(?:const|let|var)\s+\w+\s*=|\bpublic\s+(?:static|class|void|int|string)\b|\breturn\s[^.\n]*;|\bselect\s[^.\n]*\bfrom\b|[{};]\s*$/m;
export const CODE_NOUN =
  /\b(?:code|function|script|program|query|regex|sql|python|javascript|api|test cases?|unit tests?)\b/;

/**
 * Nouns that name a creative work outright: a request that mentions one early, and is not a
 * question about an existing work, asks for content even without a "write" verb.
 */
export const CREATIVE_NOUN =
  /\b(?:poems?|poetry|lyrics|screenplay|short stor(?:y|ies)|stor(?:y|ies)|fan ?fic(?:tion)?|fictional|novel|novelist|sonnet|haiku|limerick|rap song|greentext|episode|fairy ?tale|roleplay|role-play|monologue|prose|rhyme|rhyming|ballad|backstory|anime script|show script|play script)\b|(?:故事|诗|小说|歌词|剧本|文章|标题|对仗|文案|作文|物語|小説|歌詞|가사|노래|소설|이야기|сценари|стих|рассказ|трейлер|сказк|срифмуй|песн|příběh|ποιημα|ποίημα|poème|prémisse)/;
export const QUESTION_ABOUT_WORK =
  /^(?:what|who|when|where|why|which|how (?:many|much|does|did|is)|explain|summari[sz]e|analy[sz]e|is|are|does|did)\b/;

/** Talk about films and shows one likes mentions "story" without asking for one. */
export const MEDIA_TALK = /\b(?:movies?|films?|watch(?:ed|ing)?|tv show|theaters?|theatres?)\b/;

/** Writing words that keep a request content creation although it also names code ("a script about"). */
export const WRITING_OVER_CODE =
  /\b(?:story|poem|song|essay|lyrics|blog|dialogu?e?|scene|fable|fiction|(?:show|movie|film|play|anime) script|script (?:where|about|of))\b/;
