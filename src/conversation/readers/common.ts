/**
 * What every format reader shares: the record context, message drafts that remember their field
 * path (so a problem can name `messages[2].content`), timestamp and id normalisation, and the
 * final checks every conversation passes (size, emptiness, a user message).
 */
import type { Conversation, Role } from '../model.js';
import type { Problem, QuarantineReason } from './records.js';

export interface RecordContext {
  file: string;
  position: number;
  unit: 'line' | 'index';
  /** File basename, for default ids `<basename>:<position>`. */
  basename: string;
  maxMessageChars: number;
}

export type Failure = { ok: false; problem: Problem };
export type RecordResult = { ok: true; conversation: Conversation } | Failure;

export interface Draft {
  role: Role;
  content: string;
  createdAt?: string;
  /** Field path of the content, for problem details. */
  path: string;
}

export interface ConversationDraft {
  id: string | undefined;
  userId?: string;
  createdAt?: string;
  messages: Draft[];
  metadata: Record<string, unknown>;
}

export function fail(reason: QuarantineReason, detail: string): Failure {
  return { ok: false, problem: { reason, detail } };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * What a problem detail says of a value from the record: its type and size, never the value itself
 * (any string of a record can hold conversation text or a person's name).
 */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return `string of ${v.length} character${v.length === 1 ? '' : 's'}`;
  if (Array.isArray(v)) return `array of ${v.length}`;
  if (v === null) return 'null';
  if (typeof v === 'object')
    return `object of ${Object.keys(v).length} key${Object.keys(v).length === 1 ? '' : 's'}`;
  return typeof v;
}

/** A usable id: a non-empty string, or a number written as a string. */
export function idOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A date-time without an offset; logs mean UTC by it, while Date.parse would read local time. */
const NAIVE_DATETIME = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?$/;

/**
 * Epoch seconds, epoch milliseconds (numbers past year 5138 in seconds are read as ms) or any
 * string Date can parse, to an ISO string; anything else is dropped rather than guessed.
 */
export function toIso(v: unknown): string | undefined {
  if (typeof v === 'string' && isCanonicalIso(v)) return v;
  let ms: number;
  if (typeof v === 'number' && Number.isFinite(v)) ms = Math.abs(v) >= 1e11 ? v : v * 1000;
  else if (typeof v === 'string' && v.length > 0) {
    const asNumber = Number(v);
    ms = Number.isFinite(asNumber)
      ? Math.abs(asNumber) >= 1e11
        ? asNumber
        : asNumber * 1000
      : Date.parse(NAIVE_DATETIME.test(v) ? `${v.replace(' ', 'T')}Z` : v);
  } else return undefined;
  if (!Number.isFinite(ms)) return undefined;
  return isoFromMs(ms);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The ASCII digits of s from i to end (exclusive), as a number; -1 when one is not a digit. */
function digitsAt(s: string, i: number, end: number): number {
  let n = 0;
  for (let j = i; j < end; j++) {
    const d = s.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Whether a string is already what toIso returns, `YYYY-MM-DDTHH:MM:SS.sssZ` with every field in
 * range: the form most logs write, returned as it is instead of going through Date.parse, which
 * was a tenth of reading an OpenAI JSONL file.
 */
export function isCanonicalIso(v: string): boolean {
  if (v.length !== 24 || v[4] !== '-' || v[7] !== '-' || v[10] !== 'T' || v[13] !== ':') return false;
  if (v[16] !== ':' || v[19] !== '.' || v[23] !== 'Z') return false;
  const year = digitsAt(v, 0, 4);
  const month = digitsAt(v, 5, 7);
  const day = digitsAt(v, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return false;
  const hour = digitsAt(v, 11, 13);
  const minute = digitsAt(v, 14, 16);
  const second = digitsAt(v, 17, 19);
  return (
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59 &&
    digitsAt(v, 20, 23) >= 0
  );
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()` without the Date: exports carry a timestamp per message, and the
 * builtin was a tenth of the ChatGPT reader's time. Civil-from-days after H. Hinnant; years
 * outside 0000-9999 go to the builtin (and out-of-range values to undefined).
 */
export function isoFromMs(value: number): string | undefined {
  const ms = Math.trunc(value);
  if (ms < -62167219200000 || ms > 253402300799999) {
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  const days = Math.floor(ms / 86400000);
  let rest = ms - days * 86400000;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hh = Math.floor(rest / 3600000);
  rest -= hh * 3600000;
  const mm = Math.floor(rest / 60000);
  rest -= mm * 60000;
  const ss = Math.floor(rest / 1000);
  const milli = rest - ss * 1000;
  const y = year < 1000 ? `${year}`.padStart(4, '0') : `${year}`;
  const msText = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : `${milli}`;
  return `${y}-${pad2(month)}-${pad2(day)}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}.${msText}Z`;
}

/** Count of content parts that were not text (images, tool calls), kept in metadata.skippedParts. */
export function noteSkipped(metadata: Record<string, unknown>, type: string): void {
  // The type comes from the record: a prototype-free object, so `constructor` or `__proto__` is a
  // count like any other instead of a built-in property.
  const skipped = (metadata.skippedParts ?? Object.create(null)) as Record<string, number>;
  skipped[type] = (Object.hasOwn(skipped, type) ? skipped[type] : 0) + 1;
  metadata.skippedParts = skipped;
}

/**
 * A role table that only answers for its own names. A plain object literal would also answer for
 * `constructor`, `toString`, `__proto__`... (its prototype's properties), and a function as a role
 * crashed the run far from the reader; a Map has no such names.
 */
export class RoleTable {
  private readonly roles: ReadonlyMap<string, Role>;
  /** The names, for problem details ("is not one of ..."). */
  readonly names: string;

  constructor(entries: Readonly<Record<string, Role>>) {
    this.roles = new Map(Object.entries(entries));
    this.names = [...this.roles.keys()].join(', ');
  }

  /** The role a name stands for; undefined for anything else (a non-string too). */
  get(name: unknown): Role | undefined {
    return typeof name === 'string' ? this.roles.get(name) : undefined;
  }
}

/**
 * Text of a list of content parts: strings, and objects whose `text` is a string (types text,
 * input_text, output_text, or untyped). Other parts are skipped and counted. Parts join with a
 * newline so every format renders multi-part messages the same way.
 */
export function textOfParts(
  parts: unknown[],
  path: string,
  metadata: Record<string, unknown>,
): { ok: true; text: string } | Failure {
  let text = '';
  let n = 0;
  for (let j = 0; j < parts.length; j++) {
    const p = parts[j];
    let t: string | undefined;
    if (typeof p === 'string') t = p;
    else if (isObject(p)) {
      const type = typeof p.type === 'string' ? p.type : undefined;
      if (type === undefined || type === 'text' || type === 'input_text' || type === 'output_text') {
        if (typeof p.text === 'string') t = p.text;
        else if (type !== undefined)
          return fail(p.text === undefined ? 'missing_field' : 'wrong_shape', `${path}[${j}].text`);
        else noteSkipped(metadata, 'unknown');
      } else noteSkipped(metadata, type);
    } else if (p !== null) return fail('wrong_shape', `${path}[${j}] is neither text nor an object`);
    if (t !== undefined && t.length > 0) {
      text = n === 0 ? t : `${text}\n${t}`;
      n++;
    }
  }
  return { ok: true, text };
}

const NON_SPACE = /\S/;

/**
 * Drops empty messages (counted in metadata.emptyMessagesDropped), then quarantines a message
 * over the size limit, a conversation left with no message, or one without a user message.
 */
export function finishConversation(d: ConversationDraft, ctx: RecordContext): RecordResult {
  const messages: Conversation['messages'] = [];
  let dropped = 0;
  let users = 0;
  for (const m of d.messages) {
    if (m.content.length > ctx.maxMessageChars) {
      return fail(
        'message_too_large',
        `${m.path} is ${m.content.length.toLocaleString('en-US')} characters (limit ${ctx.maxMessageChars.toLocaleString('en-US')})`,
      );
    }
    if (!NON_SPACE.test(m.content)) {
      dropped++;
      continue;
    }
    if (m.role === 'user') users++;
    messages.push(
      m.createdAt === undefined
        ? { role: m.role, content: m.content }
        : { role: m.role, content: m.content, createdAt: m.createdAt },
    );
  }
  if (dropped > 0) d.metadata.emptyMessagesDropped = dropped;
  if (messages.length === 0) {
    return fail('empty_conversation', d.messages.length === 0 ? 'no messages' : 'every message is empty');
  }
  if (users === 0) return fail('no_user_message', `${messages.length} message(s), none from the user`);
  const conversation: Conversation = {
    id: d.id ?? `${ctx.basename}:${ctx.position}`,
    messages,
    source: { file: ctx.file, position: ctx.position, unit: ctx.unit },
    metadata: d.metadata,
  };
  if (d.userId !== undefined) conversation.userId = d.userId;
  if (d.createdAt !== undefined) conversation.createdAt = d.createdAt;
  return { ok: true, conversation };
}

/** Copies the listed fields into metadata when present (never message text). */
export function copyFields(
  from: Record<string, unknown>,
  keys: readonly string[],
  to: Record<string, unknown>,
): void {
  for (const k of keys) if (from[k] !== undefined && from[k] !== null) to[k] = from[k];
}
