/**
 * The labelling session without a browser: the sample is the seeded uniform one `analyze --sample`
 * takes, labels are checked against the codebook and the conversation, every answer is on disk as it
 * is given, a rerun resumes (a torn last line is cut, a foreign line stops it), and what it writes is
 * read by the labelled reader and scored by validate.
 */
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/conversation/model.js';
import { readConversations } from '../../src/conversation/read.js';
import { createOfflineEngine } from '../../src/facets/offline/offlineEngine.js';
import { validateFacets } from '../../src/facets/validate.js';
import { type HandLabels, LabelSession, skippedFileOf } from '../../src/label/labelSession.js';
import { IngestTally, selectConversations } from '../../src/pipeline/ingest.js';
import { QuarantineLog } from '../../src/pipeline/quarantineLog.js';

let dir: string;
let logs: string;

/** 30 conversations of 1–4 user messages, two users, one bad record. */
function writeLogs(file: string): void {
  const lines: string[] = [];
  for (let i = 0; i < 30; i++) {
    const users = 1 + (i % 4);
    const messages = Array.from({ length: users }, (_, k) => [
      { role: 'user', content: `Question ${k + 1} of conversation ${i}: how do hedgehogs hibernate?` },
      { role: 'assistant', content: `Answer ${k + 1}: they slow their hearts down.` },
    ]).flat();
    lines.push(JSON.stringify({ id: `c${i}`, user: `u${i % 2}`, created_at: 1709632800 + i, messages }));
    if (i === 12) lines.push('{"messages": "not a list"}');
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'al-label-'));
  logs = join(dir, 'logs.jsonl');
  writeLogs(logs);
});

function labelsFor(userMessages: number, extra: Partial<HandLabels> = {}): HandLabels {
  return {
    content_creation: false,
    categories: ['counseling'],
    pushback: true,
    pushback_reason: 'false_premise',
    sentiment: Array.from({ length: userMessages }, (_, k) => (k % 2 === 0 ? -0.5 : 0)),
    concern: '  wants help   sleeping after a loss ',
    ...extra,
  };
}

function labelCurrent(session: LabelSession, extra: Partial<HandLabels> = {}): void {
  const s = session.state();
  session.label(s.current!.key, labelsFor(s.current!.userMessages, extra));
}

describe('LabelSession', () => {
  it('samples the same conversations as analyze --sample N --seed S, in input order', async () => {
    const out = join(dir, 'labels.jsonl');
    const session = await LabelSession.open({ inputs: [logs], n: 8, seed: 5, out });
    const tally = new IngestTally([logs], new QuarantineLog(join(dir, 'q.jsonl')));
    const analysed: string[] = [];
    for await (const c of selectConversations(tally, { sample: 8, seed: 5 })) analysed.push(c.id);
    const ids: string[] = [];
    while (!session.state().done) {
      ids.push(session.state().current!.id);
      session.skip(session.state().current!.key);
    }
    session.close();
    expect(ids).toEqual(analysed);
    expect(session.read).toBe(31);
    expect(session.quarantined).toBe(1);
    // Another seed, another sample.
    const other = await LabelSession.open({ inputs: [logs], n: 8, seed: 6, out: join(dir, 'other.jsonl') });
    const otherIds: string[] = [];
    while (!other.state().done) {
      otherIds.push(other.state().current!.id);
      other.skip(other.state().current!.key);
    }
    other.close();
    expect(otherIds).toHaveLength(8);
    expect(otherIds).not.toEqual(ids);
  });

  it('writes records the labelled reader reads back and validate scores', async () => {
    const out = join(dir, 'labels.jsonl');
    const session = await LabelSession.open({ inputs: [logs], n: 5, seed: 1, out });
    labelCurrent(session);
    labelCurrent(session, { categories: [], pushback: false, pushback_reason: null, concern: '' });
    labelCurrent(session, { content_creation: true, categories: ['coaching', 'companionship'] });
    session.close();

    const items: { conversation: Conversation; labels: Record<string, unknown> }[] = [];
    for await (const it of readConversations([out], { format: 'labelled' })) {
      expect(it.kind).toBe('conversation');
      if (it.kind === 'conversation')
        items.push({
          conversation: it.conversation,
          labels: it.conversation.metadata.labels as Record<string, unknown>,
        });
    }
    expect(items).toHaveLength(3);
    expect(items[0].labels).toEqual({
      content_creation: false,
      categories: ['counseling'],
      affective: true,
      pushback: true,
      pushback_reason: 'false_premise',
      sentiment: items[0].labels.sentiment,
      concern: 'wants help sleeping after a loss',
    });
    expect(items[1].labels).not.toHaveProperty('concern');
    expect(items[1].labels.affective).toBe(false);
    expect(items[0].conversation.userId).toMatch(/^u[01]$/);
    expect(items[0].conversation.createdAt).toMatch(/^2024-03-05T/);

    const engine = createOfflineEngine();
    const results = await engine.extractFacets(items.map((i) => i.conversation));
    const report = validateFacets(
      items,
      results.map((r) => r.facets),
    );
    expect(report.items).toBe(3);
    expect(report.affective?.n).toBe(3);
    expect(report.contentCreation?.n).toBe(3);
    expect(report.pushback?.n).toBe(3);
    expect(report.categories?.n).toBe(3);
    const userMessages = items.reduce((n, i) => n + (i.labels.sentiment as number[]).length, 0);
    expect(report.sentiment?.n).toBe(userMessages);
  });

  it('refuses labels that break the codebook or do not fit the conversation, and answers for another one', async () => {
    const session = await LabelSession.open({
      inputs: [logs],
      n: 5,
      seed: 1,
      out: join(dir, 'labels.jsonl'),
    });
    const s = session.state().current!;
    const bad = (extra: Partial<HandLabels> | Record<string, unknown>) => () =>
      session.label(s.key, { ...labelsFor(s.userMessages), ...extra });
    expect(bad({ sentiment: [...labelsFor(s.userMessages).sentiment, 0] })).toThrow(
      /one value per user message/,
    );
    expect(bad({ pushback_reason: null })).toThrow(/pushback_reason: required with pushback/);
    expect(bad({ pushback: false })).toThrow(/only with pushback/);
    expect(bad({ categories: ['coaching', 'coaching'] })).toThrow(/listed twice/);
    expect(bad({ categories: ['gardening'] })).toThrow(/labels\.categories\.0/);
    expect(bad({ sentiment: Array(s.userMessages).fill(0.25) })).toThrow(/labels\.sentiment\.0/);
    expect(
      bad({
        concern:
          'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen',
      }),
    ).toThrow(/at most 15 words/);
    expect(bad({ affective: true })).toThrow(/labels/);
    expect(() => session.label('not-the-key', labelsFor(s.userMessages))).toThrow(/another conversation/);
    expect(() => session.skip('not-the-key')).toThrow(/another conversation/);
    expect(session.state().labelled).toBe(0);
    session.close();
    expect(readFileSync(join(dir, 'labels.jsonl'), 'utf8')).toBe('');
  });

  it('resumes: what is labelled or skipped is not asked again, a torn last line is cut, a foreign line stops it', async () => {
    const out = join(dir, 'labels.jsonl');
    const first = await LabelSession.open({ inputs: [logs], n: 6, seed: 2, out });
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      order.push(first.state().current!.id);
      if (i === 6 - 1) break;
      first.skip(first.state().current!.key);
    }
    first.close();
    // Start over: only the skips file is kept; the labels file gets two labels and a torn line.
    writeFileSync(
      skippedFileOf(out),
      readFileSync(skippedFileOf(out), 'utf8').split('\n').slice(0, 1).join('\n') + '\n',
    );
    const second = await LabelSession.open({ inputs: [logs], n: 6, seed: 2, out });
    expect(second.state()).toMatchObject({ total: 6, skipped: 1, labelled: 0, remaining: 5 });
    expect(second.state().current!.id).toBe(order[1]);
    labelCurrent(second);
    labelCurrent(second);
    second.close();
    appendFileSync(out, '{"id":"c99","messa');

    const third = await LabelSession.open({ inputs: [logs], n: 6, seed: 2, out });
    expect(third.state()).toMatchObject({ labelled: 2, skipped: 1, remaining: 3 });
    expect(third.state().current!.id).toBe(order[3]);
    labelCurrent(third);
    third.close();
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => JSON.parse(l).id)).toEqual([order[1], order[2], order[3]]);

    appendFileSync(out, 'hello\n');
    await expect(LabelSession.open({ inputs: [logs], n: 6, seed: 2, out })).rejects.toThrow(
      /labels\.jsonl line 4: not a labelled record/,
    );
  });

  it('a log with no valid conversation is an input error naming it', async () => {
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '{"messages": "nope"}\n');
    await expect(
      LabelSession.open({ inputs: [empty], n: 5, seed: 1, out: join(dir, 'l.jsonl') }),
    ).rejects.toThrow(/empty\.jsonl: no conversation to label \(1 quarantined\)/);
  });
});
