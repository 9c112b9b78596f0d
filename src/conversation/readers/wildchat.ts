/**
 * WildChat-1M and LMSYS-Chat-1M rows (JSONL, or Parquet through DuckDB): a `conversation` list of
 * `{role, content, timestamp?}`; WildChat ids rows by `conversation_hash` and users by
 * `hashed_ip`, LMSYS by `conversation_id` with no user.
 */
import {
  type ConversationDraft,
  copyFields,
  type Draft,
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
  human: 'user',
  assistant: 'assistant',
  gpt: 'assistant',
  system: 'system',
  tool: 'tool',
});

const METADATA_FIELDS = ['language', 'turn', 'model', 'toxic', 'redacted'] as const;

export function readWildChatRecord(record: Record<string, unknown>, ctx: RecordContext): RecordResult {
  const list = record.conversation;
  if (list === undefined || list === null) return fail('missing_field', 'conversation');
  if (!Array.isArray(list)) return fail('wrong_shape', 'conversation is not an array');
  const metadata: Record<string, unknown> = {};
  const messages: Draft[] = [];
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    const path = `conversation[${i}]`;
    if (!isObject(m)) return fail('wrong_shape', `${path} is not an object`);
    if (m.role === undefined || m.role === null) return fail('missing_field', `${path}.role`);
    const role = ROLES.get(m.role);
    if (role === undefined) return fail('unknown_role', `${path}.role is not one of ${ROLES.names}`);
    let content: string;
    if (typeof m.content === 'string') content = m.content;
    else if (m.content === undefined) return fail('missing_field', `${path}.content`);
    else if (m.content === null) content = '';
    else if (Array.isArray(m.content)) {
      const parts = textOfParts(m.content, `${path}.content`, metadata);
      if (!parts.ok) return parts;
      content = parts.text;
    } else return fail('wrong_shape', `${path}.content is not text`);
    const createdAt = toIso(m.timestamp);
    messages.push(
      createdAt === undefined
        ? { role, content, path: `${path}.content` }
        : { role, content, createdAt, path: `${path}.content` },
    );
  }
  copyFields(record, METADATA_FIELDS, metadata);
  const draft: ConversationDraft = {
    id: idOf(record.conversation_hash) ?? idOf(record.conversation_id),
    userId: idOf(record.hashed_ip),
    createdAt: toIso(record.timestamp),
    messages,
    metadata,
  };
  return finishConversation(draft, ctx);
}
