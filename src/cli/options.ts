/**
 * Flags shared by several commands, parsed in one place so every command validates them the same
 * way (a bad value is a usage error: exit code 2).
 */
import { InvalidArgumentError, Option } from 'commander';
import { FORMAT_NAMES, type FormatName, type ReadOptions } from '../conversation/formats.js';
import type { EngineOptions } from '../facets/createEngine.js';
import { isReportLanguage, REPORT_LANGUAGES } from '../report/i18n/reportLanguage.js';

export function formatOption(): Option {
  return new Option('--format <format>', 'input format (detected per file by default)')
    .choices(['auto', ...FORMAT_NAMES])
    .default('auto');
}

/** A commander parser for a share from 0 to 1. */
export function rateOption(flag: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
      throw new InvalidArgumentError(`${flag} takes a number from 0 to 1`);
    return n;
  };
}

/** A commander parser for a whole number >= min. */
export function intOption(flag: string, min: number): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`${flag} takes a whole number >= ${min}`);
    return n;
  };
}

export function readOptionsFrom(opts: { format?: string; strict?: boolean }): ReadOptions {
  return { format: (opts.format ?? 'auto') as FormatName | 'auto', strict: opts.strict === true };
}

/** Flags of the LLM engines (ignored by the offline engine). */
export function llmEngineOptions(): Option[] {
  return [
    new Option('--model <name>', 'model name, or a .gguf path for --engine local (env AFFECTLENS_MODEL)'),
    new Option(
      '--base-url <url...>',
      'API base URL(s); several are used round-robin (env ANTHROPIC_BASE_URL / OPENAI_BASE_URL)',
    ),
    new Option('--batch', "use the provider's batch API (half price, slower)"),
    new Option('--split-facets', 'one call per question instead of one call per conversation'),
    new Option('--concurrency <n>', 'requests in flight').argParser(intOption('--concurrency', 1)),
    new Option('--rpm <n>', 'requests per minute limit').argParser(intOption('--rpm', 1)),
    new Option('--tpm <n>', 'tokens per minute limit').argParser(intOption('--tpm', 1)),
    new Option('--threads <n>', 'CPU threads for --engine local (default: all cores)').argParser(
      intOption('--threads', 1),
    ),
  ];
}

export function engineOptionsFrom(
  opts: {
    model?: string;
    baseUrl?: string[];
    batch?: boolean;
    splitFacets?: boolean;
    concurrency?: number;
    rpm?: number;
    tpm?: number;
    threads?: number;
    /** `--report-lang`: the LLM engines write concerns in the report's language. */
    reportLang?: string;
  },
  stateDir: string,
): EngineOptions {
  return {
    model: opts.model,
    baseUrls: opts.baseUrl,
    batch: opts.batch === true,
    splitFacets: opts.splitFacets === true,
    concurrency: opts.concurrency,
    requestsPerMinute: opts.rpm,
    tokensPerMinute: opts.tpm,
    threads: opts.threads,
    concernLanguage: opts.reportLang,
    stateDir,
  };
}

/** `--report-lang en|zh`: the language of report.html's words (the numbers are identical). */
export function reportLangOption(): Option {
  return new Option(
    '--report-lang <lang>',
    `language of report.html's headings, labels and explanations: ${REPORT_LANGUAGES.join(' or ')} (the numbers are identical)`,
  )
    .argParser((v: string) => {
      if (!isReportLanguage(v))
        throw new InvalidArgumentError(`expected ${REPORT_LANGUAGES.join(' or ')}, got "${v}"`);
      return v;
    })
    .default('en');
}
