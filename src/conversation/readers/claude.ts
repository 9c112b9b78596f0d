/**
 * Claude.ai data export `conversations.json`: an array of
 * `{uuid, name, created_at, updated_at, account:{uuid}, chat_messages:[{uuid, sender, text,
 * content:[{type, text}], created_at}]}`. `content` is the structured form and wins; older exports
 * only have `text`.
 */
import {
  type ConversationDraft,
  type Draft,
  fail,
  finishConversation,
  idOf,
  isObject,
  noteSkipped,
  type RecordContext,
  type RecordResult,
  RoleTable,
  textOfParts,
  toIso,
} from './common.js';

const SENDERS = new RoleTable({ human: 'user', assistant: 'assistant' });

export function readClaudeRecord(record: Record<string, unknown>, ctx: RecordContext): RecordResult {
  const list = record.chat_messages;
  if (list === undefined || list === null) return fail('missing_field', 'chat_messages');
  if (!Array.isArray(list)) return fail('wrong_shape', 'chat_messages is not an array');
  const metadata: Record<string, unknown> = {};
  const messages: Draft[] = [];
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    const path = `chat_messages[${i}]`;
    if (!isObject(m)) return fail('wrong_shape', `${path} is not an object`);
    if (m.sender === undefined) return fail('missing_field', `${path}.sender`);
    const role = SENDERS.get(m.sender);
    if (role === undefined) return fail('unknown_role', `${path}.sender is not one of ${SENDERS.names}`);
    let content: string | undefined;
    let field = `${path}.text`;
    if (Array.isArray(m.content)) {
      const parts = textOfParts(m.content, `${path}.content`, metadata);
      if (!parts.ok) return parts;
      if (parts.text.length > 0) {
        content = parts.text;
        field = `${path}.content`;
      }
    } else if (m.content !== undefined && m.content !== null) {
      return fail('wrong_shape', `${path}.content is not a list of parts`);
    }
    if (content === undefined) {
      if (typeof m.text === 'string') content = m.text;
      else if (m.text === undefined && m.content === undefined) return fail('missing_field', `${path}.text`);
      else if (m.text !== undefined && m.text !== null)
        return fail('wrong_shape', `${path}.text is not text`);
      else content = '';
    }
    if (Array.isArray(m.attachments)) for (const _ of m.attachments) noteSkipped(metadata, 'attachment');
    const createdAt = toIso(m.created_at);
    messages.push(
      createdAt === undefined ? { role, content, path: field } : { role, content, createdAt, path: field },
    );
  }
  const account = isObject(record.account) ? record.account : undefined;
  const draft: ConversationDraft = {
    id: idOf(record.uuid),
    userId: idOf(account?.uuid),
    createdAt: toIso(record.created_at),
    messages,
    metadata,
  };
  return finishConversation(draft, ctx);
}
