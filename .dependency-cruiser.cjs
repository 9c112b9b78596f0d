/**
 * The house rules of src/, checked by `npm test` (a broken rule fails the suite).
 * See the README's "Architecture" section for why each exists.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Folders depend on each other one way only: a cycle between folders means a layer is misplaced.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'report-reads-no-conversations',
      comment: 'The report sees aggregates only: it never imports the conversation model or readers.',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/conversation/' },
    },
    {
      name: 'analysis-reads-no-conversations',
      comment: 'Analyses are fed facets and counts, never conversation text.',
      severity: 'error',
      from: { path: '^src/analysis/' },
      to: { path: '^src/conversation/' },
    },
    {
      name: 'only-cli-imports-cli',
      comment: 'Commands parse options and call the library; nothing in the library depends on them.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'facets-never-import-synth',
      comment: 'Engines must not learn from (or depend on) the synthetic generator whose truth scores them.',
      severity: 'error',
      from: { path: '^src/facets/' },
      to: { path: '^src/synth/' },
    },
    {
      name: 'tools-stay-out-of-the-library',
      comment: 'eval/ and bench/ measure the library; the library never depends on them.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(eval|bench|cli)/' },
      to: { path: '^src/(eval|bench)/' },
    },
    {
      name: 'suppression-internals-stay-in-privacy',
      comment:
        'Only privacy/ decides what is suppressed: the raw threshold test is internal to it (stages use ThresholdGate, suppressSmallClusters, gateShownTree, releaseClusterName).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/privacy/' },
      to: { path: '^src/privacy/internal/' },
    },
    {
      name: 'src-never-imports-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'] },
  },
};
