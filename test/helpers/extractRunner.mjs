// Child process for the kill -9 test: extraction through the run store against a fake server, as
// a real separate process. Runs compiled JavaScript: AFFECTLENS_DIST (the test transpiles src there),
// else dist/.
// Usage: node extractRunner.mjs <baseUrl> <conversations.json> <store.jsonl> <batchSize> <promptsDir>
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const dist = process.env.AFFECTLENS_DIST
  ? pathToFileURL(`${process.env.AFFECTLENS_DIST}/`)
  : new URL('../../dist/', import.meta.url);
const { createLlmEngine } = await import(new URL('facets/llm/createLlmEngine.js', dist).href);
const { extractFacetsWithStore, openResultStore } = await import(new URL('pipeline/extract.js', dist).href);

const [baseUrl, convFile, storeFile, batchSize, promptsDir] = process.argv.slice(2);
const conversations = JSON.parse(readFileSync(convFile, 'utf8'));
const engine = await createLlmEngine('openai', {
  env: { OPENAI_BASE_URL: `${baseUrl}/v1` },
  model: 'fake-model',
  concurrency: 4,
  promptsDir,
  deps: { now: () => Date.now(), seed: 1, log: () => {} },
});
const store = openResultStore(storeFile);
let ok = 0;
let reused = 0;
const size = Number(batchSize);
for (let i = 0; i < conversations.length; i += size) {
  const out = await extractFacetsWithStore(conversations.slice(i, i + size), engine, store);
  ok += out.results.filter((r) => r.facets.status.kind === 'ok').length;
  reused += out.reused;
}
store.close();
process.stdout.write(`${JSON.stringify({ ok, reused, total: conversations.length })}\n`);
