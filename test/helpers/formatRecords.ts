/**
 * One conversation written as a record of each input format (for hostile-input tests and the fuzz
 * harness): the same turns as OpenAI JSONL, ShareGPT, WildChat, a Claude export element, a ChatGPT
 * export element (a mapping tree) and labelled JSONL. Written for these tests; no real data.
 */
import type { FormatName } from '../../src/conversation/formats.js';

export interface Turn {
  role: 'user' | 'assistant';
  text: string;
}

export interface RecordSpec {
  id: string;
  user?: string;
  turns: Turn[];
}

/** Formats written as one JSON array per file (the rest as JSONL). */
export const ARRAY_FORMATS: ReadonlySet<FormatName> = new Set(['sharegpt', 'claude', 'chatgpt']);

/** The JSON value of one record of `format`. */
export function recordOf(format: FormatName, spec: RecordSpec): Record<string, unknown> {
  const { id, user, turns } = spec;
  switch (format) {
    case 'openai':
      return { id, user, messages: turns.map((t) => ({ role: t.role, content: t.text })) };
    case 'labelled':
      return {
        id,
        user,
        messages: turns.map((t) => ({ role: t.role, content: t.text })),
        labels: { category: 'none' },
      };
    case 'sharegpt':
      return {
        id,
        conversations: turns.map((t) => ({ from: t.role === 'user' ? 'human' : 'gpt', value: t.text })),
      };
    case 'wildchat':
      return {
        conversation_hash: id,
        hashed_ip: user,
        conversation: turns.map((t) => ({ role: t.role, content: t.text })),
      };
    case 'claude':
      return {
        uuid: id,
        account: { uuid: user },
        chat_messages: turns.map((t, k) => ({
          uuid: `${id}-m${k}`,
          sender: t.role === 'user' ? 'human' : 'assistant',
          text: t.text,
          content: [{ type: 'text', text: t.text }],
        })),
      };
    case 'chatgpt': {
      const mapping: Record<string, unknown> = {};
      let parent: string | null = null;
      const root = `${id}-root`;
      mapping[root] = { id: root, message: null, parent: null, children: [] };
      parent = root;
      turns.forEach((t, k) => {
        const nodeId = `${id}-n${k}`;
        mapping[nodeId] = {
          id: nodeId,
          message: {
            id: nodeId,
            author: { role: t.role },
            content: { content_type: 'text', parts: [t.text] },
            recipient: 'all',
          },
          parent,
          children: [],
        };
        (mapping[parent as string] as { children: string[] }).children.push(nodeId);
        parent = nodeId;
      });
      return { id, title: 'A chat', create_time: 1709632800, mapping, current_node: parent };
    }
  }
}

/** Where the speaker of message `k` sits in a record of `format` (to plant a hostile role). */
export function setRole(format: FormatName, record: Record<string, unknown>, k: number, role: unknown): void {
  const r = record as Record<string, never>;
  switch (format) {
    case 'openai':
    case 'labelled':
      (r.messages as { role: unknown }[])[k].role = role;
      return;
    case 'sharegpt':
      (r.conversations as { from: unknown }[])[k].from = role;
      return;
    case 'wildchat':
      (r.conversation as { role: unknown }[])[k].role = role;
      return;
    case 'claude':
      (r.chat_messages as { sender: unknown }[])[k].sender = role;
      return;
    case 'chatgpt': {
      const mapping = r.mapping as Record<string, { message: { author: { role: unknown } } | null }>;
      const node = Object.values(mapping).filter((n) => n.message !== null)[k];
      node.message!.author.role = role;
      return;
    }
  }
}

/** The records as a file of `format`: JSONL lines, or one JSON array. */
export function fileText(format: FormatName, records: readonly unknown[]): string {
  return ARRAY_FORMATS.has(format)
    ? `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`
    : `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}
