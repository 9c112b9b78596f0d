import { Command, Option } from 'commander';
import { createEngine } from '../facets/createEngine.js';
import { ENGINE_NAMES, type EngineName } from '../facets/engine.js';
import { SENTIMENT_LABELS, type SentimentValue } from '../facets/schema.js';
import { type Explanation, explainConversation } from '../pipeline/explainDecision.js';
import { DEFAULT_STORE_DIR, storePaths } from '../store/paths.js';
import { engineOptionsFrom, formatOption, llmEngineOptions, readOptionsFrom } from './options.js';

export function explainCommand(): Command {
  const cmd = new Command('explain')
    .description(
      "Print one conversation's decision with its evidence (the offline engine's cues, or the LLM's answer and prompt version). " +
        'LLM engines answer from the run store when the answer is there (nothing is paid again); give the flags the run used.',
    )
    .argument('<inputs...>', 'the log files or globs the conversation is in')
    .requiredOption('--id <id>', 'the conversation id (as in the logs or the decisions export)')
    .addOption(formatOption())
    .addOption(new Option('--engine <name>', 'facet engine').choices([...ENGINE_NAMES]).default('offline'))
    .option(
      '--store <dir>',
      'run store to read the answer from; default .affectlens/store for LLM engines, none offline',
    )
    .option('--json', 'print the explanation as JSON');
  for (const o of llmEngineOptions()) cmd.addOption(o);
  return cmd.action(async (inputs: string[], opts) => {
    const engine = await createEngine(
      opts.engine as EngineName,
      engineOptionsFrom(opts, storePaths(opts.store ?? DEFAULT_STORE_DIR).state),
    );
    try {
      const explanation = await explainConversation(
        { inputs, id: opts.id, read: readOptionsFrom(opts), storeDir: opts.store },
        { engine },
      );
      process.stdout.write(
        opts.json ? `${JSON.stringify(explanation, null, 2)}\n` : `${formatExplanation(explanation)}\n`,
      );
    } finally {
      await engine.close?.();
    }
  });
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export function formatExplanation(x: Explanation): string {
  const c = x.conversation;
  const f = x.facets;
  const where = `${c.source.file} ${c.source.unit} ${c.source.position}`;
  const answered =
    x.answeredFrom === 'store'
      ? `read back from the run store ${x.store} (no new model call)`
      : x.store
        ? `answered now by the engine (stored in ${x.store})`
        : 'recomputed now by the engine';
  const lines = [
    `conversation ${c.id} (${where})${c.userId !== undefined ? `, user ${c.userId}` : ''}: ${f.humanMessages} user message(s) of ${c.messages}`,
    `engine: ${x.engine.name} (${x.engine.model}), prompt/rules version ${x.engine.promptVersion}; ${answered}`,
    `status: ${f.status.kind}${f.status.kind === 'ok' ? '' : ` (${f.status.reason})`}`,
    `content creation: ${yesNo(f.contentCreation)}`,
    `categories: ${f.categories.length > 0 ? `${f.categories.join(', ')} (affective)` : 'none (not affective)'}`,
    `pushback: ${yesNo(f.pushback)}${f.pushbackReason ? ` (${f.pushbackReason})` : ''}`,
    `sentiment: ${f.sentiment.map((v) => SENTIMENT_LABELS[v as SentimentValue]).join(', ') || '—'}`,
    `sentiment change: ${x.sentimentChange === null ? 'not computed (fewer than 6 user messages)' : x.sentimentChange.toFixed(2)}`,
    `concern: ${f.concern ? JSON.stringify(f.concern) : '—'}; language: ${f.language}`,
  ];
  const e = x.evidence;
  if (!e) {
    lines.push('evidence: this engine gives none');
    return lines.join('\n');
  }
  lines.push(`evidence (prompt/rules version ${e.promptVersion}):`);
  if (e.cues !== undefined)
    lines.push(
      e.cues.length > 0
        ? `  cues that fired:\n${e.cues.map((c) => `    ${c}`).join('\n')}`
        : '  cues that fired: (none listed)',
    );
  if (e.answer !== undefined) lines.push(`  answer as parsed: ${JSON.stringify(e.answer)}`);
  if (e.note !== undefined) lines.push(`  note: ${e.note}`);
  return lines.join('\n');
}
