/**
 * Human-labelled data for `validate`, in two shapes:
 * - conversation level: `{"id", "messages":[...], "labels":{...}}` (messages as in OpenAI JSONL);
 * - message level: `{"id", "text", "label"?, ...}`: one sentence each, read as a one-message
 *   conversation whose labels are every other top-level field.
 * Labels are kept as they are in metadata.labels; `validate` decides what they mean.
 */
import {
  type ConversationDraft,
  fail,
  finishConversation,
  idOf,
  type RecordContext,
  type RecordResult,
  toIso,
} from './common.js';
import { openAiMessages } from './openai.js';

export function readLabelledRecord(record: Record<string, unknown>, ctx: RecordContext): RecordResult {
  if (record.messages !== undefined) {
    if (record.labels === undefined || record.labels === null) return fail('missing_field', 'labels');
    const metadata: Record<string, unknown> = {};
    const msgs = openAiMessages(record, metadata);
    if (!msgs.ok) return msgs;
    metadata.labels = record.labels;
    const draft: ConversationDraft = {
      id: idOf(record.id),
      userId: idOf(record.user ?? record.user_id),
      createdAt: toIso(record.created_at ?? record.timestamp),
      messages: msgs.messages,
      metadata,
    };
    return finishConversation(draft, ctx);
  }
  if (record.text === undefined || record.text === null) {
    return fail('missing_field', 'messages (or text, for message-level labels)');
  }
  if (typeof record.text !== 'string') return fail('wrong_shape', 'text is not a string');
  const labels: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (k !== 'id' && k !== 'text') labels[k] = v;
  return finishConversation(
    {
      id: idOf(record.id),
      messages: [{ role: 'user', content: record.text, path: 'text' }],
      metadata: { labels },
    },
    ctx,
  );
}
