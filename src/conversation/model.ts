/**
 * The Conversation: the one shape every reader produces and every later stage consumes.
 * Readers validate with `ConversationSchema`; helpers below derive what the study needs
 * (human messages, first/last k, a transcript that fits a model's budget).
 */
import { z } from 'zod';

export const ROLES = ['user', 'assistant', 'system', 'tool'] as const;
export type Role = (typeof ROLES)[number];

export const MessageSchema = z.object({
  role: z.enum(ROLES),
  content: z.string(),
  createdAt: z.string().optional(),
});
export type Message = z.infer<typeof MessageSchema>;

export const SourceSchema = z.object({
  /** The input file as the user named it (path or glob match). */
  file: z.string(),
  /** 1-based line for line formats; 0-based index into the top-level array for JSON arrays / Parquet rows. */
  position: z.number().int().nonnegative(),
  /** 'line' or 'index', so messages can say "line 12" or "index 12". */
  unit: z.enum(['line', 'index']).default('line'),
});
export type Source = z.infer<typeof SourceSchema>;

export const ConversationSchema = z.object({
  id: z.string().min(1),
  userId: z.string().optional(),
  createdAt: z.string().optional(),
  messages: z.array(MessageSchema),
  source: SourceSchema,
  /** Format-specific extras (language, model, turn count, labels for `validate`, ...). */
  metadata: z.record(z.string(), z.unknown()).default({}),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export function humanMessages(conv: Pick<Conversation, 'messages'>): Message[] {
  return conv.messages.filter((m) => m.role === 'user');
}

export function humanMessageCount(conv: Pick<Conversation, 'messages'>): number {
  let n = 0;
  for (const m of conv.messages) if (m.role === 'user') n++;
  return n;
}

export function firstHumanMessages(conv: Pick<Conversation, 'messages'>, k: number): Message[] {
  return humanMessages(conv).slice(0, Math.max(0, k));
}

export function lastHumanMessages(conv: Pick<Conversation, 'messages'>, k: number): Message[] {
  const h = humanMessages(conv);
  return k <= 0 ? [] : h.slice(Math.max(0, h.length - k));
}

export interface TranscriptOptions {
  /** Maximum characters of the returned transcript (approximate: markers are small). */
  maxChars: number;
  /** Label for each role in the transcript. */
  labels?: Partial<Record<Role, string>>;
}

const DEFAULT_LABELS: Record<Role, string> = {
  user: 'User',
  assistant: 'Assistant',
  system: 'System',
  tool: 'Tool',
};

/**
 * Serialises a conversation for a model, keeping the start and the end when it does not fit:
 * the middle is replaced by a marker that says how many characters and messages were cut.
 * User messages are numbered (U1, U2, ...) so per-message answers can be aligned.
 */
export function transcriptForModel(conv: Pick<Conversation, 'messages'>, opts: TranscriptOptions): string {
  const labels = { ...DEFAULT_LABELS, ...opts.labels };
  let u = 0;
  const blocks = conv.messages.map((m) => {
    const tag = m.role === 'user' ? `${labels.user} U${++u}` : labels[m.role];
    return `<<${tag}>>\n${m.content}\n<</${tag}>>`;
  });
  const full = blocks.join('\n');
  if (full.length <= opts.maxChars) return full;
  const budget = Math.max(0, opts.maxChars - 80);
  const headBudget = Math.ceil(budget * 0.6);
  const tailBudget = budget - headBudget;
  const head = full.slice(0, headBudget);
  const tail = full.slice(full.length - tailBudget);
  const cut = full.length - head.length - tail.length;
  const cutMessages = countBlocksCut(blocks, head.length, full.length - tail.length);
  return `${head}\n[... ${cut} characters cut, touching ${cutMessages} message(s) ...]\n${tail}`;
}

function countBlocksCut(blocks: string[], cutStart: number, cutEnd: number): number {
  let pos = 0;
  let n = 0;
  for (const b of blocks) {
    const start = pos;
    const end = pos + b.length;
    if (end > cutStart && start < cutEnd) n++;
    pos = end + 1;
  }
  return n;
}
