/**
 * The fake LLM server used by the tests. It lives in src/facets/llm/fakeServer.ts so the LLM bench
 * (which runs from dist/) can use it too.
 */
export * from '../../src/llm/fakeServer.js';
