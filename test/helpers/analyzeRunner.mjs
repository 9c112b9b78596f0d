// Child process for tests that kill -9 a whole run, run two at once on one store, or run one in its
// own mount namespace: analyzeLogs as the CLI runs it, on compiled JavaScript (AFFECTLENS_DIST, which
// the test transpiles from src, else dist/).
// Usage: node analyzeRunner.mjs '<json config>'
//   config: { inputs, outDir, storeDir?, seed?, engine: 'offline' | 'openai' | 'anthropic',
//             baseUrl?, concurrency?, batchSize?, batch?, batchPollIntervalMs?, promptsDir? }
// Prints the run's result as one JSON line; log lines go to stderr.
import { pathToFileURL } from 'node:url';

const dist = process.env.AFFECTLENS_DIST
  ? pathToFileURL(`${process.env.AFFECTLENS_DIST}/`)
  : new URL('../../dist/', import.meta.url);
const config = JSON.parse(process.argv[2]);
const { analyzeLogs } = await import(new URL('pipeline/analyze.js', dist).href);
const seed = config.seed ?? 1;
const deps = {
  now: () => Date.now(),
  seed,
  log: (line) => process.stderr.write(`${line}\n`),
};
let engine;
if (config.engine === 'offline') {
  const { createOfflineEngine } = await import(new URL('facets/offline/offlineEngine.js', dist).href);
  engine = createOfflineEngine();
} else {
  const { createLlmEngine } = await import(new URL('facets/llm/createLlmEngine.js', dist).href);
  const env =
    config.engine === 'anthropic'
      ? { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: config.baseUrl }
      : { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: `${config.baseUrl}/v1` };
  engine = await createLlmEngine(config.engine, {
    env,
    model: 'fake-model',
    concurrency: config.concurrency ?? 4,
    batch: config.batch === true,
    stateDir: config.storeDir ? `${config.storeDir}/state` : undefined,
    batchPollIntervalMs: config.batchPollIntervalMs ?? 20,
    promptsDir: config.promptsDir,
    retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 },
    deps,
  });
}
try {
  const result = await analyzeLogs(
    {
      inputs: config.inputs,
      outDir: config.outDir,
      storeDir: config.storeDir,
      seed,
      batchSize: config.batchSize,
      thresholds: config.thresholds,
    },
    { ...deps, engine },
  );
  process.stdout.write(`${JSON.stringify({ ...result, usage: undefined })}\n`);
} finally {
  await engine.close?.();
}
