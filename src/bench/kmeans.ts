/**
 * Bench section `kmeans`: our k-means on 100,000 × 256 float32 vectors (seeded Gaussian blobs),
 * k = 100, k-means++ init, exactly 20 Lloyd iterations, next to scikit-learn's KMeans on the same
 * bytes in the same run (init='k-means++', n_init=1, max_iter=20, tol=0, algorithm='lloyd'), once
 * with its default threads and once pinned to one thread (ours is single-threaded).
 * scikit-learn stops early only on exact convergence (tol=0); its iteration count is reported and
 * the per-iteration ratio is given next to the total one.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { kmeans } from '../cluster/kmeans.js';
import { createRng } from '../util/random.js';
import type { BenchSection } from './benchSection.js';
import { benchCacheDir, measure } from './harness.js';

const N = 100_000;
const DIM = 256;
const K = 100;
const ITER = 20;
const SEED = 1;
const PYTHON = '/usr/bin/python3';

const run = promisify(execFile);

/** K blob centres ~ N(0, 0.6²) per coordinate, points = centre + N(0, 1): overlapping enough that
 * Lloyd keeps moving for all iterations. */
function blobFile(): string {
  const file = join(benchCacheDir(), `kmeans-${N}x${DIM}-k${K}-seed${SEED}.f32`);
  if (existsSync(file)) return file;
  const rng = createRng(SEED);
  const gauss = () => {
    const u = rng() || 1e-12;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  };
  const centres = new Float32Array(K * DIM);
  for (let i = 0; i < centres.length; i++) centres[i] = 0.6 * gauss();
  const data = new Float32Array(N * DIM);
  for (let i = 0; i < N; i++) {
    const c = Math.floor(rng() * K);
    for (let d = 0; d < DIM; d++) data[i * DIM + d] = centres[c * DIM + d] + gauss();
  }
  writeFileSync(file, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  return file;
}

const SKLEARN_SNIPPET = `
import json, resource, sys, time
import numpy as np
from sklearn.cluster import KMeans
X = np.fromfile(sys.argv[1], dtype=np.float32).reshape(int(sys.argv[2]), int(sys.argv[3]))
t0 = time.perf_counter()
km = KMeans(n_clusters=int(sys.argv[4]), init='k-means++', n_init=1, max_iter=int(sys.argv[5]), tol=0,
            algorithm='lloyd', random_state=0).fit(X)
t = time.perf_counter() - t0
print(json.dumps({"seconds": t, "iterations": int(km.n_iter_), "inertia": float(km.inertia_),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;

interface SkResult {
  seconds: number;
  iterations: number;
  inertia: number;
  peak_rss_mb: number;
}

async function sklearnAvailable(): Promise<string | null> {
  try {
    await run(PYTHON, ['-c', 'import sklearn, numpy'], { timeout: 60_000 });
    return null;
  } catch (err) {
    return `scikit-learn not available via ${PYTHON} (${(err as Error).message.split('\n')[0]}): sklearn comparison skipped`;
  }
}

async function runSklearn(file: string, threads: number | null): Promise<SkResult> {
  const env = { ...process.env };
  if (threads !== null) {
    env.OMP_NUM_THREADS = String(threads);
    env.OPENBLAS_NUM_THREADS = String(threads);
    env.MKL_NUM_THREADS = String(threads);
  }
  const { stdout } = await run(
    PYTHON,
    ['-c', SKLEARN_SNIPPET, file, String(N), String(DIM), String(K), String(ITER)],
    {
      env,
      timeout: 30 * 60_000,
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as SkResult;
}

export const kmeansBench: BenchSection = {
  name: 'kmeans',
  description: `k-means, ${N.toLocaleString('en-US')} × ${DIM} float32, k = ${K}, ${ITER} Lloyd iterations, vs scikit-learn`,
  async run(ctx) {
    const file = blobFile();
    const buf = readFileSync(file);
    const data = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
    const ours = await measure('affectlens kmeans (1 thread)', 'vectors', async () => {
      const r = kmeans(data, N, DIM, K, { seed: SEED, maxIter: ITER, tol: -1 });
      return { items: N, extra: { iterations: r.iterations, inertia: Math.round(r.inertia) } };
    });
    ctx.report(ours);
    const perIterOurs = ours.seconds / ITER;

    const missing = await sklearnAvailable();
    if (missing) {
      ctx.note(missing);
      return;
    }
    for (const threads of [null, 1] as const) {
      const sk = await runSklearn(file, threads);
      const label = threads === null ? 'default threads' : '1 thread';
      ctx.report({
        name: `scikit-learn KMeans (${label})`,
        items: N,
        unit: 'vectors',
        seconds: sk.seconds,
        perSecond: N / sk.seconds,
        peakRssMB: Math.round(sk.peak_rss_mb),
        extra: {
          iterations: sk.iterations,
          inertia: Math.round(sk.inertia),
          oursOverSklearnTotal: ours.seconds / sk.seconds,
          ...(sk.iterations !== ITER
            ? { oursOverSklearnPerIteration: perIterOurs / (sk.seconds / sk.iterations) }
            : {}),
        },
      });
    }
    ctx.note(
      'ratios > 1 mean ours is slower; scikit-learn uses greedy k-means++ (more init trials), hence its lower inertia',
    );
  },
};
