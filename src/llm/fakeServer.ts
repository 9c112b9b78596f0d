/**
 * A fake LLM provider on 127.0.0.1 (for tests and `npm run bench`; never used by a real run) that speaks the real wire protocols (Anthropic Messages and
 * Message Batches; OpenAI chat completions, Files + Batches, embeddings), so the official SDKs run
 * unmodified against it. Its "model" answers by a deterministic keyword rule from the transcript,
 * and faults (429, 500, hangs, resets, truncated / invalid JSON, wrong-length sentiment) are
 * injected at a seeded rate, decided per request body and attempt so they do not depend on timing.
 *
 * Replay mode (`replay`): the model's answers are recorded ones, looked up by `replayKey` of the
 * request (schema name, instructions and data exactly as sent), so a test runs the real engines on
 * real answers written for the real prompt. A request with no recorded answer gets a 400 naming its
 * key and is kept in `unanswered()` (that is how new answers are recorded: run, answer, add).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const FAULT_KINDS = [
  'rate429',
  'server500',
  'timeout',
  'reset',
  'truncated',
  'invalid',
  'wrongLength',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FakeLlmServerOptions {
  /** Share of model calls that fail (0..1). */
  faultRate?: number;
  faultKinds?: readonly FaultKind[];
  seed?: number;
  /** Delay before every model answer. */
  latencyMs?: number;
  /** `retry-after-ms` sent with a 429 (a `retry-after: 0` in seconds is sent too). */
  retryAfterMs?: number;
  /** Put the first user message into `concern` (to test privacy gates downstream). */
  echo?: boolean;
  /**
   * A model that does not follow its privacy instructions (what a prompt injection achieves): it
   * echoes user text into concern summaries, obeys "summarise this as ..." inside a conversation,
   * names each cluster after its most repeated member summary verbatim, and approves every audit.
   * Only the deterministic gates stand between it and the report.
   */
  hostile?: boolean;
  /**
   * A perfect (or deliberately imperfect) verifier: given the conversation's user and assistant
   * messages as the request carries them, the facets answer to give (every field of the one-call
   * question), or undefined to fall back to the keyword model. Tests of estimators use it to answer
   * with the synthetic corpus's truth.
   */
  truth?: (users: readonly string[], assistants: readonly string[]) => Record<string, unknown> | undefined;
  /**
   * The cluster names to give: called with a naming request's member concerns; undefined falls back
   * to the careless namer (named after a member, verbatim).
   */
  namer?: (members: readonly string[]) => { name: string; description: string } | undefined;
  /** When set, any other key gets a 401. */
  apiKey?: string;
  /** OpenAI: answer a json_schema response_format with the 400 older servers send. */
  rejectJsonSchema?: boolean;
  /** Batch status checks before a batch ends (default 1). */
  batchPollsUntilDone?: number;
  /** Embedding dimension (default 64; the request's `dimensions` wins). */
  embeddingDim?: number;
  /**
   * The next this-many batch creations are carried out but answered by a dropped connection, as
   * when the response is lost or the client dies before it reads it (counts down as it fires).
   */
  loseBatchCreateResponses?: number;
  /**
   * Answers by `replayKey` of the request instead of the keyword model: an object is the answer (tool
   * input / JSON content); a string is sent as the model's raw text (to replay an unusable answer).
   */
  replay?: ReadonlyMap<string, unknown>;
}

/** A request as a model saw it, for replay: which answer, which instructions, which data. */
export interface ReplayRequest {
  key: string;
  schemaName: string;
  system: string;
  user: string;
}

/** The key a replayed answer is stored under: a hash of the schema name, instructions and data. */
export function replayKey(schemaName: string, system: string, user: string): string {
  return createHash('sha256').update(`${schemaName}\u0000${system}\u0000${user}`).digest('hex').slice(0, 32);
}

export interface RecordedCall {
  method: string;
  path: string;
  /** Request headers without authorization / x-api-key. */
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeLlmServer {
  url: string;
  calls: RecordedCall[];
  /** Model answers produced (sync 200s and batch items): what a provider would bill. */
  paidCalls(): number;
  /** The user prompt of every paid answer, in order (to tell which conversations were paid for). */
  paidPrompts(): string[];
  /** Faults injected so far, by kind. */
  faults(): Record<string, number>;
  /** Replay mode: the requests that had no recorded answer, in order. */
  unanswered(): ReplayRequest[];
  close(): Promise<void>;
}

const SENTIMENT_RULES: [RegExp, string][] = [
  [/\b(hopeless|terrible|awful|hate|devastated)\b/i, 'very negative'],
  [/\b(sad|worried|anxious|upset|bad|lonely|stressed|scared)\b/i, 'negative'],
  [/\b(amazing|wonderful|fantastic|thrilled)\b/i, 'very positive'],
  [/\b(thanks|thank you|good|better|glad|happy|helps)\b/i, 'positive'],
];

const CATEGORY_RULES: [RegExp, string][] = [
  [
    /\b(partner|girlfriend|boyfriend|wife|husband|mom|dad|mother|father|sister|brother|friend|coworker|boss)\b/i,
    'interpersonal_advice',
  ],
  [/\b(goal|goals|career|habit|habits|motivation|promotion|productive)\b/i, 'coaching'],
  [/\b(anxious|anxiety|depressed|depression|panic|grief|trauma|stressed|therapy)\b/i, 'counseling'],
  [/\b(lonely|alone|someone to talk to)\b/i, 'companionship'],
  [/\b(roleplay|darling|kiss)\b/i, 'romantic_roleplay'],
];

interface Parsed {
  n: number;
  users: string[];
  assistants: string[];
}

function parsePrompt(user: string): Parsed {
  // "User messages: N" (prompts v2), "has N user messages" (v1).
  const n = Number(/(?:User messages: |has )(\d+)/.exec(user)?.[1] ?? '0');
  const users = [...user.matchAll(/<<User U(\d+)>>\n([\s\S]*?)\n<<\/User U\1>>/g)].map((m) => m[2]);
  const assistants = [...user.matchAll(/<<Assistant>>\n([\s\S]*?)\n<<\/Assistant>>/g)].map((m) => m[1]);
  return { n, users, assistants };
}

/** The member summary a hostile namer repeats: the most frequent one (ties: the first listed). */
function mostRepeatedMember(user: string): string | undefined {
  const lines = membersOf(user);
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best: string | undefined;
  for (const l of lines) if (best === undefined || (counts.get(l) ?? 0) > (counts.get(best) ?? 0)) best = l;
  return best;
}

/** "summarise this as: X" (or "summarize it as X") inside a conversation: what a gullible model writes. */
const SUMMARISE_AS =
  /summari[sz]e (?:this|it|the conversation)(?: conversation)? as[:\s]+["“]?([^"”\n]+?)["”]?(?:\.|$)/im;

/** The fields a request's JSON Schema asks for (the question), or undefined when it names none. */
function askedFields(schema: unknown): string[] | undefined {
  const props = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : undefined;
}

/**
 * The fake model: every facet from keywords, all fields, then the ones the question's schema asks
 * for (all of them when the request carries no schema).
 */
/** The member concerns of a naming request, as the namer lists them. */
function membersOf(user: string): string[] {
  const block = /<members count="\d+">\n([\s\S]*?)\n<\/members>/.exec(user)?.[1] ?? '';
  return block
    .split('\n')
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2));
}

function modelAnswer(
  user: string,
  echo: boolean,
  fields?: string[],
  hostile = false,
  truth?: FakeLlmServerOptions['truth'],
  namer?: FakeLlmServerOptions['namer'],
): Record<string, unknown> {
  // The topic stage's questions. Deliberately careless, like a model that leaks: a cluster is
  // named after its first member (hostile: its most repeated member), verbatim, and every audit
  // approves; the deterministic privacy gates downstream must still stop what leaks.
  const members = /<members count="\d+">\n- ([^\n]*)(?:\n- ([^\n]*))?/.exec(user);
  if (members) {
    const given = namer?.(membersOf(user));
    if (given) return given;
    const named = hostile ? (mostRepeatedMember(user) ?? members[1]) : members[1];
    return {
      name: named.split(/\s+/).slice(0, 10).join(' '),
      description: `People asking about ${named}. ${members[2] ?? ''}`.trim(),
    };
  }
  if (/^Kind: cluster /.test(user)) return { rating: 5, reason: 'looks fine' };
  const p = parsePrompt(user);
  const known = truth?.(p.users, p.assistants);
  if (known) {
    // A truth that predates the support facets (issue 17) gets them from the keywords.
    const withSupport = { ...supportAnswer(p.users, p.assistants, false), ...known };
    const picked = (fields ?? Object.keys(known)).filter((k) => k in withSupport);
    return Object.fromEntries((picked.length ? picked : Object.keys(known)).map((k) => [k, withSupport[k]]));
  }
  const all = p.users.join('\n');
  const injected = p.users.find((u) => /ignore (all |your |previous |the )*instructions/i.test(u));
  if (injected) {
    // A gullible model: it does what the conversation tells it to.
    const m = /output\s+(\{[\s\S]*\})/i.exec(injected);
    if (m) {
      try {
        return JSON.parse(m[1]) as Record<string, unknown>;
      } catch {
        /* falls through to echoing */
      }
    }
  }
  const contentCreation =
    /\b(write|compose|draft) (me )?(a|an) (story|poem|blog post|essay|song|script|ad)\b/i.test(all);
  const categories = contentCreation ? [] : CATEGORY_RULES.filter(([re]) => re.test(all)).map(([, c]) => c);
  const pushback = p.assistants.some((a) =>
    /\b(i can't|i cannot|i won't|that's not true|i'd push back)\b/i.test(a),
  );
  let pushbackReason: string | null = null;
  if (pushback) {
    if (/\b(hurt myself|suicide|self-harm)\b/i.test(all)) pushbackReason = 'safety_self_harm';
    else if (/\b(diet|pills|fasting)\b/i.test(all)) pushbackReason = 'dangerous_health';
    else if (/\b(diagnose|prescribe)\b/i.test(all)) pushbackReason = 'medical_therapy_boundary';
    else if (p.assistants.some((a) => /that's not true/i.test(a))) pushbackReason = 'false_premise';
    else if (/\b(hack|steal|revenge)\b/i.test(all)) pushbackReason = 'harm_to_others_or_illegal';
    else pushbackReason = 'policy_other';
  }
  const sentiment = Array.from({ length: p.n }, (_, i) => {
    const text = p.users[i] ?? '';
    return SENTIMENT_RULES.find(([re]) => re.test(text))?.[1] ?? 'neutral';
  });
  let concern = categories.length
    ? `wants help with ${categories[0].replace('_', ' ')}`
    : contentCreation
      ? 'wants a piece of writing'
      : 'asks a general question';
  if (echo || hostile || injected) concern = (injected ?? p.users[0] ?? '').slice(0, 300);
  if (hostile) {
    const asked = p.users.map((u) => SUMMARISE_AS.exec(u)?.[1]).find((x) => x !== undefined);
    if (asked) concern = asked.trim().slice(0, 300);
  }
  const full: Record<string, unknown> = {
    contentCreation,
    categories,
    pushback,
    pushbackReason,
    sentiment,
    concern,
    language: 'en',
    ...supportAnswer(p.users, p.assistants, pushback),
  };
  if (injected) return full;
  const picked = (fields ?? Object.keys(full)).filter((k) => k in full);
  return Object.fromEntries((picked.length ? picked : Object.keys(full)).map((k) => [k, full[k]]));
}

/** The support facets (facets.v3) from keywords: referral, crisis and stance. */
function supportAnswer(users: string[], assistants: string[], pushback: boolean): Record<string, unknown> {
  const said = assistants.join('\n');
  const all = users.join('\n');
  const referral = /\b(911|999|112|emergency room|emergency services)\b/i.test(said)
    ? 'emergency'
    : /\b(988|crisis line|hotline|samaritans)\b/i.test(said)
      ? 'crisis_line'
      : /\b(therapist|counsell?or|psychologist|doctor)\b/i.test(said)
        ? 'professional'
        : /\b(friend or family|someone you trust)\b/i.test(said)
          ? 'people'
          : 'none';
  const crisisKind = /\b(kill myself|want to die|suicid\w*)\b/i.test(all)
    ? 'suicidal'
    : /\b(hurt myself|cut myself|self-harm)\b/i.test(all)
      ? 'self_harm'
      : /\b(hits me|abus\w*)\b/i.test(all)
        ? 'abuse'
        : /\b(breaking in|overdosed?)\b/i.test(all)
          ? 'immediate_danger'
          : null;
  const agrees = /\byou're (absolutely|completely) right\b/i.test(said);
  return {
    referral,
    crisis: crisisKind !== null,
    crisisKind,
    stance: pushback ? 'resistance' : agrees ? 'strong_support' : 'not_applicable',
    validatesHarmful: false,
  };
}

/** A replayed request without a recorded answer (answered with a 400 naming the key). */
class NoReplay extends Error {
  constructor(readonly key: string) {
    super(`fake server replay: no recorded answer for request ${key}`);
  }
}

function schemaInInstructions(system: string): unknown {
  const m = /JSON Schema:\n(\{[\s\S]*\})\s*$/.exec(system);
  if (!m) return undefined;
  try {
    return JSON.parse(m[1]);
  } catch {
    return undefined;
  }
}

function hashUnit(s: string): number {
  return createHash('sha256').update(s).digest().readUInt32BE(0) / 2 ** 32;
}

const tokens = (s: string): number => Math.ceil(s.length / 4);

export async function startFakeLlmServer(opts: FakeLlmServerOptions = {}): Promise<FakeLlmServer> {
  const calls: RecordedCall[] = [];
  const paid: string[] = [];
  const faultCounts: Record<string, number> = {};
  const attempts = new Map<string, number>();
  const cachedSystems = new Set<string>();
  const sockets = new Set<Socket>();
  const files = new Map<string, { content: string; filename: string }>();
  type AnthropicBatch = {
    id: string;
    requests: { custom_id: string; params: Record<string, unknown> }[];
    polls: number;
    results?: string;
    created: Date;
  };
  type OpenAiBatch = {
    id: string;
    inputFileId: string;
    polls: number;
    outputFileId?: string;
    created: number;
    metadata: Record<string, string> | null;
  };
  /** Answers a batch creation, unless this response is to be lost (see loseBatchCreateResponses). */
  const answerCreate = (req: IncomingMessage, res: ServerResponse, view: Record<string, unknown>): void => {
    if ((opts.loseBatchCreateResponses ?? 0) > 0) {
      opts.loseBatchCreateResponses = (opts.loseBatchCreateResponses ?? 0) - 1;
      req.socket.destroy();
      return;
    }
    send(res, 200, view);
  };
  /** A list page as both APIs shape it, newest first. */
  const listPage = (views: Record<string, unknown>[], openai: boolean): Record<string, unknown> => ({
    ...(openai ? { object: 'list' } : {}),
    data: views,
    has_more: false,
    first_id: views[0]?.id ?? null,
    last_id: views.at(-1)?.id ?? null,
  });
  const aBatches = new Map<string, AnthropicBatch>();
  const oBatches = new Map<string, OpenAiBatch>();
  let counter = 0;
  const nextId = (prefix: string): string => `${prefix}${(++counter).toString(36).padStart(6, '0')}`;
  let url = '';
  const unanswered: ReplayRequest[] = [];

  /** The recorded answer for a request; a request without one is kept and refused (NoReplay). */
  function replayAnswer(schemaName: string, system: string, user: string): unknown {
    const key = replayKey(schemaName, system, user);
    if (opts.replay?.has(key)) return opts.replay.get(key);
    unanswered.push({ key, schemaName, system, user });
    throw new NoReplay(key);
  }

  function decideFault(path: string, body: string): FaultKind | undefined {
    const rate = opts.faultRate ?? 0;
    if (rate <= 0) return undefined;
    const key = createHash('sha256')
      .update(`${opts.seed ?? 1}\u0000${path}\u0000${body}`)
      .digest('hex');
    const attempt = attempts.get(key) ?? 0;
    attempts.set(key, attempt + 1);
    if (hashUnit(`${key}:${attempt}`) >= rate) return undefined;
    const kinds = opts.faultKinds ?? FAULT_KINDS;
    const kind = kinds[Math.floor(hashUnit(`${key}:${attempt}:kind`) * kinds.length)];
    faultCounts[kind] = (faultCounts[kind] ?? 0) + 1;
    return kind;
  }

  function anthropicMessage(params: Record<string, unknown>, fault?: FaultKind): Record<string, unknown> {
    const messages = params.messages as { content: string }[];
    const user =
      typeof messages[0].content === 'string' ? messages[0].content : JSON.stringify(messages[0].content);
    const system = (params.system as { text: string; cache_control?: unknown }[] | undefined) ?? [];
    const systemText = system.map((s) => s.text).join('\n');
    const toolText = JSON.stringify(params.tools ?? []);
    const cacheable = system.some((s) => s.cache_control);
    let cacheRead = 0;
    let cacheWrite = 0;
    if (cacheable) {
      if (cachedSystems.has(systemText + toolText)) cacheRead = tokens(systemText + toolText);
      else {
        cacheWrite = tokens(systemText + toolText);
        cachedSystems.add(systemText + toolText);
      }
    }
    const toolName = (params.tool_choice as { name?: string } | undefined)?.name ?? 'answer';
    const tool = (params.tools as { input_schema?: unknown }[] | undefined)?.[0];
    const replayed = opts.replay ? replayAnswer(toolName, systemText, user) : undefined;
    const answer =
      replayed === undefined || typeof replayed === 'string'
        ? modelAnswer(
            user,
            opts.echo ?? false,
            askedFields(tool?.input_schema),
            opts.hostile ?? false,
            opts.truth,
            opts.namer,
          )
        : (structuredClone(replayed) as Record<string, unknown>);
    if (fault === 'wrongLength' && Array.isArray(answer.sentiment))
      answer.sentiment = [...answer.sentiment, 'neutral'];
    let content: unknown[] = [{ type: 'tool_use', id: nextId('toolu_'), name: toolName, input: answer }];
    let stop = 'tool_use';
    if (typeof replayed === 'string') {
      // A replayed unusable answer: the model wrote text instead of calling the tool.
      content = [{ type: 'text', text: replayed }];
      stop = 'end_turn';
    } else if (fault === 'truncated') {
      const keys = Object.keys(answer);
      content = [
        {
          type: 'tool_use',
          id: nextId('toolu_'),
          name: toolName,
          input: Object.fromEntries(keys.slice(0, -1).map((k) => [k, answer[k]])),
        },
      ];
      stop = 'max_tokens';
    } else if (fault === 'invalid') {
      content = [{ type: 'text', text: 'This conversation seems to be about feelings. {categories: [' }];
      stop = 'end_turn';
    }
    paid.push(user);
    const out = JSON.stringify(content);
    return {
      id: nextId('msg_'),
      type: 'message',
      role: 'assistant',
      model: params.model,
      content,
      stop_reason: stop,
      stop_sequence: null,
      usage: {
        input_tokens: tokens(user) + (cacheable ? 0 : tokens(systemText + toolText)),
        output_tokens: tokens(out),
        cache_creation_input_tokens: cacheWrite,
        cache_read_input_tokens: cacheRead,
      },
    };
  }

  function chatCompletion(body: Record<string, unknown>, fault?: FaultKind): Record<string, unknown> {
    const messages = body.messages as { role: string; content: string }[];
    const user = messages.find((m) => m.role === 'user')?.content ?? '';
    const system = messages.find((m) => m.role === 'system')?.content ?? '';
    const rf = body.response_format as { json_schema?: { name?: string; schema?: unknown } } | undefined;
    // Without json_schema the schema is spelled out at the end of the instructions.
    const schema = rf?.json_schema?.schema ?? schemaInInstructions(system);
    const replayed = opts.replay ? replayAnswer(rf?.json_schema?.name ?? '', system, user) : undefined;
    const answer =
      replayed === undefined || typeof replayed === 'string'
        ? modelAnswer(
            user,
            opts.echo ?? false,
            askedFields(schema),
            opts.hostile ?? false,
            opts.truth,
            opts.namer,
          )
        : (structuredClone(replayed) as Record<string, unknown>);
    if (fault === 'wrongLength' && Array.isArray(answer.sentiment))
      answer.sentiment = [...answer.sentiment, 'neutral'];
    let text = typeof replayed === 'string' ? replayed : JSON.stringify(answer);
    let finish = 'stop';
    if (fault === 'truncated') {
      text = text.slice(0, Math.floor(text.length / 2));
      finish = 'length';
    } else if (fault === 'invalid') text = `Sure! Here is my analysis: ${text.slice(0, 20)}`;
    paid.push(user);
    const prompt = tokens(system) + tokens(user);
    const cached = Math.min(prompt, tokens(system));
    return {
      id: nextId('chatcmpl-'),
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: text, refusal: null },
          finish_reason: finish,
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: prompt,
        completion_tokens: tokens(text),
        total_tokens: prompt + tokens(text),
        prompt_tokens_details: { cached_tokens: cached },
      },
    };
  }

  function embedding(text: string, dim: number): number[] {
    const v: number[] = [];
    let block = createHash('sha256').update(text).digest();
    for (let i = 0; v.length < dim; i++) {
      if (i * 4 + 4 > block.length) {
        block = createHash('sha256').update(block).digest();
        i = 0;
      }
      v.push(block.readInt32BE(i * 4) / 2 ** 31);
    }
    const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
    return v.map((x) => x / norm);
  }

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': typeof body === 'string' ? 'application/octet-stream' : 'application/json',
      ...headers,
    });
    res.end(text);
  };
  const apiError = (
    res: ServerResponse,
    anthropic: boolean,
    status: number,
    type: string,
    message: string,
    headers: Record<string, string> = {},
  ): void =>
    send(
      res,
      status,
      anthropic
        ? { type: 'error', error: { type, message } }
        : { error: { message, type, param: null, code: type } },
      headers,
    );

  /** A model answer, or undefined after answering a replay miss with a 400 naming the request's key. */
  function replying(
    answer: () => Record<string, unknown>,
    res: ServerResponse,
    anthropic: boolean,
  ): Record<string, unknown> | undefined {
    try {
      return answer();
    } catch (err) {
      if (!(err instanceof NoReplay)) throw err;
      apiError(res, anthropic, 400, 'invalid_request_error', err.message);
      return undefined;
    }
  }

  /** HTTP-level faults; true when the request was handled (failed) here. */
  function applyTransportFault(
    fault: FaultKind | undefined,
    req: IncomingMessage,
    res: ServerResponse,
    anthropic: boolean,
  ): boolean {
    if (fault === 'rate429') {
      apiError(res, anthropic, 429, 'rate_limit_error', 'rate limited', {
        'retry-after': '0',
        'retry-after-ms': String(opts.retryAfterMs ?? 5),
      });
      return true;
    }
    if (fault === 'server500') {
      apiError(res, anthropic, 500, 'api_error', 'internal error');
      return true;
    }
    if (fault === 'timeout') return true; // never answered: the client's timeout fires
    if (fault === 'reset') {
      req.socket.destroy();
      return true;
    }
    return false;
  }

  function processAnthropicBatch(b: AnthropicBatch): void {
    const result = (params: Record<string, unknown>): Record<string, unknown> => {
      try {
        return { type: 'succeeded', message: anthropicMessage(params) };
      } catch (err) {
        if (!(err instanceof NoReplay)) throw err;
        return { type: 'errored', error: { type: 'invalid_request_error', message: err.message } };
      }
    };
    b.results = b.requests
      .map((r) => JSON.stringify({ custom_id: r.custom_id, result: result(r.params) }))
      .join('\n');
  }

  function processOpenAiBatch(b: OpenAiBatch): void {
    const input = files.get(b.inputFileId)?.content ?? '';
    const lines = input
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const r = JSON.parse(l) as { custom_id: string; body: Record<string, unknown> };
        let response: Record<string, unknown>;
        try {
          response = { status_code: 200, request_id: nextId('req_'), body: chatCompletion(r.body) };
        } catch (err) {
          if (!(err instanceof NoReplay)) throw err;
          response = {
            status_code: 400,
            request_id: nextId('req_'),
            body: { error: { message: err.message, type: 'invalid_request_error', param: null, code: null } },
          };
        }
        return JSON.stringify({ id: nextId('batch_req_'), custom_id: r.custom_id, response, error: null });
      });
    const id = nextId('file-');
    files.set(id, { content: `${lines.join('\n')}\n`, filename: 'output.jsonl' });
    b.outputFileId = id;
  }

  function anthropicBatchView(b: AnthropicBatch): Record<string, unknown> {
    const ended = b.results !== undefined;
    return {
      id: b.id,
      type: 'message_batch',
      processing_status: ended ? 'ended' : 'in_progress',
      request_counts: {
        processing: ended ? 0 : b.requests.length,
        succeeded: ended ? b.requests.length : 0,
        errored: 0,
        canceled: 0,
        expired: 0,
      },
      created_at: b.created.toISOString(),
      expires_at: new Date(b.created.getTime() + 86_400_000).toISOString(),
      ended_at: ended ? new Date().toISOString() : null,
      archived_at: null,
      cancel_initiated_at: null,
      results_url: ended ? `${url}/v1/messages/batches/${b.id}/results` : null,
    };
  }

  function openAiBatchView(b: OpenAiBatch): Record<string, unknown> {
    const done = b.outputFileId !== undefined;
    const total = (files.get(b.inputFileId)?.content ?? '').split('\n').filter((l) => l.trim()).length;
    return {
      id: b.id,
      object: 'batch',
      endpoint: '/v1/chat/completions',
      errors: null,
      input_file_id: b.inputFileId,
      completion_window: '24h',
      status: done ? 'completed' : 'in_progress',
      output_file_id: b.outputFileId ?? null,
      error_file_id: null,
      created_at: b.created,
      completed_at: done ? Math.floor(Date.now() / 1000) : null,
      request_counts: { total, completed: done ? total : 0, failed: 0 },
      metadata: b.metadata,
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const path = (req.url ?? '/').split('?')[0];
    const headers = { ...req.headers };
    const presented =
      (headers['x-api-key'] as string | undefined) ??
      (headers.authorization as string | undefined)?.replace(/^Bearer\s+/i, '');
    delete headers['x-api-key'];
    delete headers.authorization;
    const ctype = String(req.headers['content-type'] ?? '');
    let body: unknown = raw.length ? raw.toString('utf8') : undefined;
    if (ctype.includes('application/json') && raw.length) body = JSON.parse(raw.toString('utf8'));
    let formFile: { content: string; filename: string } | undefined;
    if (ctype.includes('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': ctype } }).formData();
      const f = form.get('file') as File | null;
      if (f) formFile = { content: await f.text(), filename: f.name };
      body = { purpose: form.get('purpose'), file: formFile?.content };
    }
    calls.push({ method: req.method ?? 'GET', path, headers, body });
    const anthropic = path.startsWith('/v1/messages');
    if (!presented || (opts.apiKey !== undefined && presented !== opts.apiKey)) {
      apiError(res, anthropic, 401, 'authentication_error', 'invalid API key');
      return;
    }
    const b = (body ?? {}) as Record<string, unknown>;
    const wait = (): Promise<void> => new Promise((r) => setTimeout(r, opts.latencyMs ?? 0));

    if (req.method === 'POST' && path === '/v1/messages') {
      const fault = decideFault(path, raw.toString('utf8'));
      if (applyTransportFault(fault, req, res, true)) return;
      if (opts.latencyMs) await wait();
      const message = replying(() => anthropicMessage(b, fault), res, true);
      if (message) send(res, 200, message);
      return;
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      const rf = b.response_format as { type?: string } | undefined;
      if (opts.rejectJsonSchema && rf?.type === 'json_schema') {
        send(res, 400, {
          error: {
            message: 'response_format json_schema is not supported by this server',
            type: 'invalid_request_error',
            param: 'response_format',
            code: null,
          },
        });
        return;
      }
      const fault = decideFault(path, raw.toString('utf8'));
      if (applyTransportFault(fault, req, res, false)) return;
      if (opts.latencyMs) await wait();
      const completion = replying(() => chatCompletion(b, fault), res, false);
      if (completion) send(res, 200, completion);
      return;
    }
    if (req.method === 'POST' && path === '/v1/messages/batches') {
      const batch: AnthropicBatch = {
        id: nextId('msgbatch_'),
        requests: b.requests as AnthropicBatch['requests'],
        polls: 0,
        created: new Date(),
      };
      aBatches.set(batch.id, batch);
      answerCreate(req, res, anthropicBatchView(batch));
      return;
    }
    if (req.method === 'GET' && path === '/v1/messages/batches') {
      send(res, 200, listPage([...aBatches.values()].reverse().map(anthropicBatchView), false));
      return;
    }
    let m = /^\/v1\/messages\/batches\/([^/]+)(\/results)?$/.exec(path);
    if (req.method === 'GET' && m) {
      const batch = aBatches.get(m[1]);
      if (!batch) return apiError(res, true, 404, 'not_found_error', 'no such batch');
      if (m[2])
        return batch.results === undefined
          ? apiError(res, true, 404, 'not_found_error', 'not ended')
          : send(res, 200, `${batch.results}\n`);
      batch.polls++;
      if (batch.results === undefined && batch.polls >= (opts.batchPollsUntilDone ?? 1))
        processAnthropicBatch(batch);
      send(res, 200, anthropicBatchView(batch));
      return;
    }
    if (req.method === 'POST' && path === '/v1/files') {
      const id = nextId('file-');
      files.set(id, formFile ?? { content: '', filename: 'upload' });
      send(res, 200, {
        id,
        object: 'file',
        bytes: formFile?.content.length ?? 0,
        created_at: Math.floor(Date.now() / 1000),
        filename: formFile?.filename ?? 'upload',
        purpose: 'batch',
        status: 'processed',
        status_details: null,
      });
      return;
    }
    if (req.method === 'POST' && path === '/v1/batches') {
      const batch: OpenAiBatch = {
        id: nextId('batch_'),
        inputFileId: String(b.input_file_id),
        polls: 0,
        created: Math.floor(Date.now() / 1000),
        metadata: (b.metadata as Record<string, string> | undefined) ?? null,
      };
      oBatches.set(batch.id, batch);
      answerCreate(req, res, openAiBatchView(batch));
      return;
    }
    if (req.method === 'GET' && path === '/v1/batches') {
      send(res, 200, listPage([...oBatches.values()].reverse().map(openAiBatchView), true));
      return;
    }
    m = /^\/v1\/batches\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && m) {
      const batch = oBatches.get(m[1]);
      if (!batch) return apiError(res, false, 404, 'not_found', 'no such batch');
      batch.polls++;
      if (batch.outputFileId === undefined && batch.polls >= (opts.batchPollsUntilDone ?? 1))
        processOpenAiBatch(batch);
      send(res, 200, openAiBatchView(batch));
      return;
    }
    m = /^\/v1\/files\/([^/]+)\/content$/.exec(path);
    if (req.method === 'GET' && m) {
      const f = files.get(m[1]);
      if (!f) return apiError(res, false, 404, 'not_found', 'no such file');
      send(res, 200, f.content);
      return;
    }
    if (req.method === 'POST' && path === '/v1/embeddings') {
      const inputs = Array.isArray(b.input) ? (b.input as string[]) : [String(b.input)];
      const dim = Number(b.dimensions ?? opts.embeddingDim ?? 64);
      const data = inputs.map((t, index) => {
        const v = embedding(String(t), dim);
        const embedding64 =
          b.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
        return { object: 'embedding', index, embedding: embedding64 };
      });
      const used = inputs.reduce((s, t) => s + tokens(String(t)), 0);
      send(res, 200, {
        object: 'list',
        data,
        model: b.model,
        usage: { prompt_tokens: used, total_tokens: used },
      });
      return;
    }
    apiError(res, anthropic, 404, 'not_found_error', `no route ${req.method} ${path}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { error: { message: String(err), type: 'fake_server_bug' } });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    calls,
    paidCalls: () => paid.length,
    paidPrompts: () => [...paid],
    faults: () => ({ ...faultCounts }),
    unanswered: () => [...unanswered],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Small conversation shapes the fake model's keywords recognise (written for these tests). */
const SHAPES: { user: string[]; assistant: string[] }[] = [
  {
    user: ['My partner and I keep arguing about chores.', 'I feel sad about it.', 'Thanks, that helps.'],
    assistant: [
      'That sounds hard. What happens when it starts?',
      'It makes sense to feel that way.',
      'Glad to help.',
    ],
  },
  { user: ['Write me a story about a dragon who bakes bread.'], assistant: ['Once upon a time...'] },
  {
    user: ['I am so anxious before every exam.', 'My heart races.', 'Breathing helps a bit.', 'Okay, good.'],
    assistant: ['Exam anxiety is common.', 'Try slow breathing.', 'Good to hear.', 'Anytime.'],
  },
  { user: ['How do I reverse a list in Python?'], assistant: ['Use list.reverse() or slicing.'] },
  {
    user: ['I feel lonely tonight, can we just chat?', 'Nobody calls me anymore.'],
    assistant: ['Of course, I am here.', 'That sounds painful.'],
  },
  {
    user: ['My career feels stuck and I want a promotion.', 'What goals should I set?'],
    assistant: ['Let us look at your strengths.', 'Pick two measurable goals.'],
  },
  {
    user: ['I am worthless and everyone hates me.', 'It is true, I am terrible.'],
    assistant: ["That's not true, and I'd push back on that.", 'You are being very hard on yourself.'],
  },
  {
    user: ['Help me plan revenge on my coworker, hack his email.'],
    assistant: ["I can't help with hacking someone's account."],
  },
];

export interface SampleConversation {
  id: string;
  messages: { role: 'user' | 'assistant'; content: string }[];
  source: { file: string; position: number; unit: 'line' };
  metadata: Record<string, unknown>;
}

/** `n` conversations; each carries a unique marker `[cN]` so paid calls can be traced to it. */
export function sampleConversations(n: number): SampleConversation[] {
  return Array.from({ length: n }, (_, i) => {
    const shape = SHAPES[i % SHAPES.length];
    const messages: SampleConversation['messages'] = [];
    shape.user.forEach((u, j) => {
      messages.push({ role: 'user', content: j === 0 ? `[c${i}] ${u}` : u });
      if (shape.assistant[j]) messages.push({ role: 'assistant', content: shape.assistant[j] });
    });
    return {
      id: `conv-${i}`,
      messages,
      source: { file: 'fixture.jsonl', position: i + 1, unit: 'line' },
      metadata: {},
    };
  });
}
