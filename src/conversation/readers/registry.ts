/** One record reader per format, and the name each format goes by in messages. */
import type { FormatName } from '../formats.js';
import { readChatGptRecord } from './chatgpt.js';
import { readClaudeRecord } from './claude.js';
import type { RecordContext, RecordResult } from './common.js';
import { readLabelledRecord } from './labelled.js';
import { readOpenAiRecord } from './openai.js';
import { readShareGptRecord } from './sharegpt.js';
import { readWildChatRecord } from './wildchat.js';

export type RecordReader = (record: Record<string, unknown>, ctx: RecordContext) => RecordResult;

export const RECORD_READERS: Record<FormatName, RecordReader> = {
  openai: readOpenAiRecord,
  sharegpt: readShareGptRecord,
  wildchat: readWildChatRecord,
  claude: readClaudeRecord,
  chatgpt: readChatGptRecord,
  labelled: readLabelledRecord,
};

export const FORMAT_LABELS: Record<FormatName, string> = {
  openai: 'OpenAI chat JSONL',
  sharegpt: 'ShareGPT',
  wildchat: 'WildChat/LMSYS',
  claude: 'Claude export',
  chatgpt: 'ChatGPT export',
  labelled: 'labelled JSONL',
};
