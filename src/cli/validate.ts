import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { formatQuarantineEntry, InputError } from '../conversation/quarantine.js';
import { readConversations } from '../conversation/read.js';
import { createEngine } from '../facets/createEngine.js';
import { ENGINE_NAMES, type EngineName } from '../facets/engine.js';
import type { Facets } from '../facets/schema.js';
import { formatValidationReport, type LabelledItem, validateFacets } from '../facets/validate.js';
import { engineOptionsFrom, intOption, llmEngineOptions } from './options.js';

/** Quarantined records named on stderr before the rest are summarised. */
const SHOWN_QUARANTINE = 5;

export function validateCommand(): Command {
  const cmd = new Command('validate')
    .description(
      'Score an engine against labelled conversations: precision, recall, F1, kappa and confusion matrices per facet.',
    )
    .argument(
      '<labelled...>',
      'labelled JSONL files or globs ({"messages", "labels"} or {"text", "label"} records)',
    )
    .addOption(new Option('--engine <name>', 'facet engine').choices([...ENGINE_NAMES]).default('offline'))
    .option('--json', 'print the report as JSON')
    .option('--batch-size <n>', 'conversations per engine call', intOption('--batch-size', 1), 64);
  for (const o of llmEngineOptions()) cmd.addOption(o);
  return cmd.action(async (inputs: string[], opts) => {
    const items: LabelledItem[] = [];
    let quarantined = 0;
    for await (const it of readConversations(inputs, { format: 'labelled' })) {
      if (it.kind === 'quarantined') {
        if (quarantined < SHOWN_QUARANTINE)
          process.stderr.write(`quarantined: ${formatQuarantineEntry(it.entry)}\n`);
        quarantined++;
        continue;
      }
      const labels = it.conversation.metadata.labels;
      items.push({
        conversation: it.conversation,
        labels: typeof labels === 'object' && labels !== null ? (labels as Record<string, unknown>) : {},
      });
    }
    if (quarantined > SHOWN_QUARANTINE) process.stderr.write(`quarantined: ${quarantined} records in all\n`);
    if (items.length === 0)
      throw new InputError(`${inputs.join(', ')}: no labelled conversations to validate`);

    const engine = await createEngine(
      opts.engine as EngineName,
      engineOptionsFrom(opts, join(tmpdir(), 'affectlens-validate')),
    );
    const results: Facets[] = [];
    try {
      for (let i = 0; i < items.length; i += opts.batchSize) {
        const batch = items.slice(i, i + opts.batchSize).map((it) => it.conversation);
        for (const r of await engine.extractFacets(batch)) results.push(r.facets);
      }
    } finally {
      await engine.close?.();
    }
    const report = validateFacets(items, results);
    if (opts.json) {
      const body = { engine: engine.name, model: engine.model, quarantined, ...report };
      // NaN (an undefined ratio) is not JSON: it becomes null.
      process.stdout.write(`${JSON.stringify(body, (_k, v) => (Number.isNaN(v) ? null : v), 2)}\n`);
    } else {
      process.stdout.write(
        `engine: ${engine.name} (${engine.model}); quarantined records: ${quarantined}\n${formatValidationReport(report)}\n`,
      );
    }
  });
}
