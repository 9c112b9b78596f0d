/**
 * ChatGPT data export `conversations.json`: an array of conversations whose messages form a tree
 * (`mapping`, each node with `parent` and `children`) because every edit or regeneration starts a
 * branch. The conversation the user last saw is the path from `current_node` up to the root;
 * other branches are not part of it. System and hidden messages (custom instructions, tool
 * plumbing) are skipped, as are assistant turns addressed to a tool rather than the user.
 */
import {
  type ConversationDraft,
  copyFields,
  type Draft,
  describeValue,
  fail,
  finishConversation,
  idOf,
  isObject,
  noteSkipped,
  type RecordContext,
  type RecordResult,
  RoleTable,
  toIso,
} from './common.js';

const ROLES = new RoleTable({ user: 'user', assistant: 'assistant', tool: 'tool' });

export function readChatGptRecord(record: Record<string, unknown>, ctx: RecordContext): RecordResult {
  const mapping = record.mapping;
  if (mapping === undefined || mapping === null) return fail('missing_field', 'mapping');
  if (!isObject(mapping)) return fail('wrong_shape', 'mapping is not an object');
  const current = record.current_node;
  if (current === undefined || current === null) return fail('missing_field', 'current_node');
  if (typeof current !== 'string' || !isObject(nodeOf(mapping, current))) {
    return fail('wrong_shape', 'current_node is not a node of mapping');
  }

  // Walk up to the root; a parent pointer to a missing node or a cycle is a broken tree.
  const path: string[] = [];
  const seen = new Set<string>();
  for (let id: unknown = current; id !== null && id !== undefined; ) {
    if (typeof id !== 'string' || seen.has(id))
      return fail('wrong_shape', 'mapping parent links form a cycle');
    const node = nodeOf(mapping, id);
    // Node ids are the record's own strings (anything can be in them): named by position, never quoted.
    if (!isObject(node))
      return fail('wrong_shape', `${nodeName(path.length, 'current_node', id)} is missing`);
    seen.add(id);
    path.push(id);
    id = node.parent;
  }
  path.reverse();

  const metadata: Record<string, unknown> = {};
  const messages: Draft[] = [];
  for (const [k, id] of path.entries()) {
    const node = nodeOf(mapping, id) as Record<string, unknown>;
    const m = node.message;
    const at = `${nodeName(k, 'the root', id)}.message`;
    if (m === null || m === undefined) continue;
    if (!isObject(m)) return fail('wrong_shape', `${at} is not an object`);
    if (!isObject(m.author)) return fail('missing_field', `${at}.author.role`);
    const authorRole = m.author.role;
    if (authorRole === 'system') continue;
    const role = ROLES.get(authorRole);
    if (role === undefined)
      return fail('unknown_role', `${at}.author.role is not one of ${ROLES.names}, system`);
    if (isObject(m.metadata) && m.metadata.is_visually_hidden_from_conversation === true) continue;
    if (role === 'assistant' && typeof m.recipient === 'string' && m.recipient !== 'all') {
      noteSkipped(metadata, 'tool_call');
      continue;
    }
    if (!isObject(m.content)) return fail('missing_field', `${at}.content`);
    const text = contentText(m.content, metadata);
    if (text === undefined) return fail('wrong_shape', `${at}.content has neither parts nor text`);
    if (text.length === 0) continue;
    const createdAt = toIso(m.create_time);
    messages.push(
      createdAt === undefined
        ? { role, content: text, path: `${at}.content` }
        : { role, content: text, createdAt, path: `${at}.content` },
    );
  }
  copyFields(record, ['default_model_slug'], metadata);
  const draft: ConversationDraft = {
    id: idOf(record.id) ?? idOf(record.conversation_id),
    createdAt: toIso(record.create_time),
    messages,
    metadata,
  };
  return finishConversation(draft, ctx);
}

/** A node of the mapping: only its own keys (a node id such as `constructor` is no built-in). */
function nodeOf(mapping: Record<string, unknown>, id: string): unknown {
  return Object.hasOwn(mapping, id) ? mapping[id] : undefined;
}

/** How a problem names a node: its place on the branch and its id's length, never the id itself. */
function nodeName(index: number, from: string, id: string): string {
  return `mapping[branch node ${index} from ${from}, id ${describeValue(id)}]`;
}

/** Strings and text-bearing objects of `parts`; `text` for code / execution output content. */
function contentText(
  content: Record<string, unknown>,
  metadata: Record<string, unknown>,
): string | undefined {
  if (Array.isArray(content.parts)) {
    const texts: string[] = [];
    for (const p of content.parts) {
      if (typeof p === 'string') {
        if (p.length > 0) texts.push(p);
      } else if (isObject(p) && typeof p.text === 'string') {
        if (p.text.length > 0) texts.push(p.text);
      } else if (isObject(p)) {
        noteSkipped(metadata, typeof p.content_type === 'string' ? p.content_type : 'unknown');
      }
    }
    return texts.join('\n');
  }
  if (typeof content.text === 'string') return content.text;
  if (typeof content.result === 'string') return content.result;
  return undefined;
}
