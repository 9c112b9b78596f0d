/**
 * OpenAI chat JSONL (fine-tuning / chat-completions logs):
 * `{"id"?, "user"|"user_id"?, "created_at"|"timestamp"?, "messages":[{"role","content"}]}` where
 * content is a string, null (tool-calling turns) or a list of parts.
 */
import {
  type ConversationDraft,
  copyFields,
  type Draft,
  type Failure,
  fail,
  finishConversation,
  idOf,
  isObject,
  type RecordContext,
  type RecordResult,
  RoleTable,
  textOfParts,
  toIso,
} from './common.js';

const ROLES = new RoleTable({
  user: 'user',
  assistant: 'assistant',
  system: 'system',
  developer: 'system',
  tool: 'tool',
  function: 'tool',
});

/** Messages in OpenAI shape (also used by labelled conversation files). */
export function openAiMessages(
  record: Record<string, unknown>,
  metadata: Record<string, unknown>,
): { ok: true; messages: Draft[] } | Failure {
  const list = record.messages;
  if (list === undefined || list === null) return fail('missing_field', 'messages');
  if (!Array.isArray(list)) return fail('wrong_shape', 'messages is not an array');
  const messages: Draft[] = [];
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    const path = `messages[${i}]`;
    if (!isObject(m)) return fail('wrong_shape', `${path} is not an object`);
    if (m.role === undefined) return fail('missing_field', `${path}.role`);
    const role = ROLES.get(m.role);
    if (role === undefined) return fail('unknown_role', `${path}.role is not one of ${ROLES.names}`);
    const c = m.content;
    let content: string;
    if (typeof c === 'string') content = c;
    else if (
      c === null ||
      (c === undefined && (m.tool_calls !== undefined || m.function_call !== undefined))
    ) {
      content = '';
    } else if (c === undefined) return fail('missing_field', `${path}.content`);
    else if (Array.isArray(c)) {
      const parts = textOfParts(c, `${path}.content`, metadata);
      if (!parts.ok) return parts;
      content = parts.text;
    } else return fail('wrong_shape', `${path}.content is neither text nor a list of parts`);
    const createdAt = toIso(m.created_at ?? m.timestamp);
    messages.push(
      createdAt === undefined
        ? { role, content, path: `${path}.content` }
        : { role, content, createdAt, path: `${path}.content` },
    );
  }
  return { ok: true, messages };
}

export function readOpenAiRecord(record: Record<string, unknown>, ctx: RecordContext): RecordResult {
  const metadata: Record<string, unknown> = {};
  const msgs = openAiMessages(record, metadata);
  if (!msgs.ok) return msgs;
  copyFields(record, ['model'], metadata);
  const draft: ConversationDraft = {
    id: idOf(record.id),
    userId: idOf(record.user ?? record.user_id),
    createdAt: toIso(record.created_at ?? record.timestamp),
    messages: msgs.messages,
    metadata,
  };
  return finishConversation(draft, ctx);
}
