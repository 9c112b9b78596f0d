/**
 * ShareGPT (JSON array or JSONL): `{"id"?, "system"?, "conversations":[{"from","value"}]}`.
 * Speaker names vary by the tool that scraped them, hence the alias table.
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
  toIso,
} from './common.js';

const FROM = new RoleTable({
  human: 'user',
  user: 'user',
  gpt: 'assistant',
  chatgpt: 'assistant',
  bing: 'assistant',
  bard: 'assistant',
  model: 'assistant',
  assistant: 'assistant',
  system: 'system',
  tool: 'tool',
  function: 'tool',
  observation: 'tool',
  function_call: 'assistant',
});

export function readShareGptRecord(record: Record<string, unknown>, ctx: RecordContext): RecordResult {
  const list = record.conversations;
  if (list === undefined || list === null) return fail('missing_field', 'conversations');
  if (!Array.isArray(list)) return fail('wrong_shape', 'conversations is not an array');
  const messages: Draft[] = [];
  // Some ShareGPT variants (LLaMA-Factory) carry the system prompt as a top-level field.
  if (typeof record.system === 'string')
    messages.push({ role: 'system', content: record.system, path: 'system' });
  for (let i = 0; i < list.length; i++) {
    const m = list[i];
    const path = `conversations[${i}]`;
    if (!isObject(m)) return fail('wrong_shape', `${path} is not an object`);
    if (m.from === undefined) return fail('missing_field', `${path}.from`);
    const role = typeof m.from === 'string' ? FROM.get(m.from.toLowerCase()) : undefined;
    if (role === undefined) return fail('unknown_role', `${path}.from is not one of ${FROM.names}`);
    if (m.value === undefined) return fail('missing_field', `${path}.value`);
    if (m.value !== null && typeof m.value !== 'string')
      return fail('wrong_shape', `${path}.value is not text`);
    messages.push({ role, content: m.value ?? '', path: `${path}.value` });
  }
  const metadata: Record<string, unknown> = {};
  copyFields(record, ['model', 'language', 'lang'], metadata);
  const draft: ConversationDraft = {
    id: idOf(record.id),
    userId: idOf(record.user ?? record.user_id),
    createdAt: toIso(record.created_at ?? record.timestamp),
    messages,
    metadata,
  };
  return finishConversation(draft, ctx);
}
