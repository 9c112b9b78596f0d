/**
 * schema/report.schema.json is generated from the zod schema in src/report/schema.ts. This test fails
 * when the committed file is stale (regenerate with AFFECTLENS_UPDATE_SCHEMA=1 npx vitest run
 * test/report-schema.test.ts) and checks a built report against the committed file with a small
 * validator for the draft 2020-12 keywords the schema uses, independent of zod.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { reportJsonSchemaText } from '../../src/report/reportSchema.js';
import { longitudinalInput } from '../helpers/longitudinalFixture.js';
import { fixtureInput } from '../helpers/reportFixture.js';

const SCHEMA_FILE = new URL('../../schema/report.schema.json', import.meta.url);

type Schema = Record<string, unknown>;

/** Returns the list of violations (empty when valid). Unknown keywords fail loudly so nothing is skipped. */
function validate(value: unknown, schema: Schema, root: Schema, path = '$'): string[] {
  const errors: string[] = [];
  const known = new Set([
    '$schema',
    '$defs',
    '$ref',
    '$id',
    'title',
    'description',
    'type',
    'properties',
    'required',
    'additionalProperties',
    'propertyNames',
    'items',
    'anyOf',
    'oneOf',
    'const',
    'enum',
    'minimum',
    'maximum',
    'pattern',
    'id',
  ]);
  for (const k of Object.keys(schema))
    if (!known.has(k)) errors.push(`${path}: validator does not know keyword ${k}`);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = (root.$defs as Record<string, Schema> | undefined)?.[name];
    if (!target) return [`${path}: unresolved $ref ${schema.$ref}`];
    errors.push(...validate(value, target, root, path));
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const ok = types.some((t) => {
      switch (t) {
        case 'object':
          return typeof value === 'object' && value !== null && !Array.isArray(value);
        case 'array':
          return Array.isArray(value);
        case 'string':
          return typeof value === 'string';
        case 'number':
          return typeof value === 'number' && Number.isFinite(value);
        case 'integer':
          return Number.isInteger(value);
        case 'boolean':
          return typeof value === 'boolean';
        case 'null':
          return value === null;
        default:
          return false;
      }
    });
    if (!ok)
      return [...errors, `${path}: expected ${types.join('|')}, got ${JSON.stringify(value)?.slice(0, 60)}`];
  }
  if ('const' in schema && value !== schema.const)
    errors.push(`${path}: expected const ${String(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errors.push(`${path}: ${String(value)} not in enum`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: above maximum`);
  }
  if (
    typeof value === 'string' &&
    typeof schema.pattern === 'string' &&
    !new RegExp(schema.pattern, 'u').test(value)
  ) {
    errors.push(`${path}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((v, i) => {
      errors.push(...validate(v, schema.items as Schema, root, `${path}[${i}]`));
    });
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[])
      if (!(r in obj)) errors.push(`${path}: missing ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errors.push(...validate(v, props[k], root, `${path}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property ${k}`);
      else if (typeof schema.additionalProperties === 'object') {
        errors.push(...validate(v, schema.additionalProperties as Schema, root, `${path}.${k}`));
      }
      if (schema.propertyNames)
        errors.push(...validate(k, schema.propertyNames as Schema, root, `${path}{${k}}`));
    }
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (!options) continue;
    const passing = options.filter((o) => validate(value, o, root, path).length === 0).length;
    if (key === 'anyOf' ? passing === 0 : passing !== 1)
      errors.push(`${path}: ${passing} of the ${key} options match`);
  }
  return errors;
}

describe('report JSON Schema', () => {
  it('the committed schema/report.schema.json is generated from the zod schema', () => {
    const text = reportJsonSchemaText();
    if (process.env.AFFECTLENS_UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, text);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(text);
  });

  it('declares draft 2020-12', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Schema;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('a built report validates against the committed schema', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Schema;
    const report = JSON.parse(JSON.stringify(buildReport(fixtureInput()))) as unknown;
    expect(validate(report, schema, schema)).toEqual([]);
    const withValidation = fixtureInput();
    withValidation.provenance.validation = {
      summary: 'ok',
      metrics: [{ facet: 'categories', metric: 'kappa', value: 0.6 }],
    };
    expect(validate(JSON.parse(JSON.stringify(buildReport(withValidation))), schema, schema)).toEqual([]);
    // With every longitudinal section available (timestamps, a segment field, drift and cues).
    const long = JSON.parse(JSON.stringify(buildReport(longitudinalInput()))) as Record<
      string,
      { available?: boolean }
    >;
    for (const k of ['users', 'overTime', 'segments', 'drift', 'dependency'])
      expect(long[k].available, k).toBe(true);
    expect(validate(long, schema, schema)).toEqual([]);
  });

  it('the validator rejects reports that break the schema', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Schema;
    const report = JSON.parse(JSON.stringify(buildReport(fixtureInput())));
    report.prevalence.categories[0].share = 1.5;
    report.extra = true;
    delete report.funnel.read;
    report.topics[0].topics[0].children[0].users = -1;
    const errors = validate(report, schema, schema).join('\n');
    expect(errors).toMatch(/unexpected property extra/);
    expect(errors).toMatch(/\$\.funnel: missing read/);
    expect(errors).toMatch(/prevalence\.categories\[0\]: 0 of the anyOf options match/);
    expect(errors).toMatch(/\$\.topics\[0\]\.topics\[0\]\.children\[0\]\.users: below minimum/);
  });
});
