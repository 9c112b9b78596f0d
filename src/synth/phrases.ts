/**
 * Shared phrase banks: the wording that carries sentiment, generic assistant replies, and the
 * slots several topics use. Sentiment lives mostly in these prefixes so that the per-message truth
 * is realised in words a reader (or a classifier) can see.
 */
import type { SentimentValue } from '../facets/schema.js';
import type { TopicGroup } from './bank.js';

type ToneBank = Readonly<Record<'-1' | '-0.5' | '0.5' | '1', readonly string[]>>;

/** Prefixes placed before a user turn; value 0 gets none. */
export const SENTIMENT_PREFIX: Readonly<Record<'personal' | 'tool', ToneBank>> = {
  personal: {
    '-1': [
      'I feel absolutely terrible.',
      'Honestly I am falling apart.',
      'This is the worst I have felt in a long time.',
      'I am so miserable right now.',
      'I feel completely hopeless about it.',
      'I am devastated.',
      'Everything feels unbearable today.',
    ],
    '-0.5': [
      'I am feeling pretty down about it.',
      'It still bothers me a lot.',
      'I am a bit stressed, to be honest.',
      'I am worried.',
      'It has been a hard week.',
      'I feel kind of sad.',
      'I am frustrated.',
    ],
    '0.5': [
      'That helps, thank you.',
      'I feel a bit better.',
      'That is a good idea.',
      'Okay, that makes sense, thanks.',
      'I am feeling more hopeful.',
      'Thanks, I appreciate it.',
    ],
    '1': [
      'Thank you so much, I feel so much better!',
      'This is wonderful, I am really happy!',
      'I am so relieved and grateful!',
      'Honestly I feel great about this now!',
      'That is amazing, thank you!',
    ],
  },
  tool: {
    '-1': [
      'This is so frustrating, I have wasted the whole day on it.',
      'Ugh, this is a disaster and I am fed up.',
      'That is completely wrong and I am really annoyed.',
      'I am losing my mind over this.',
    ],
    '-0.5': [
      'Hmm, that did not work.',
      'That is not quite what I needed.',
      'I am a bit confused.',
      'Still not right, unfortunately.',
    ],
    '0.5': ['Thanks, that helps.', 'Nice, that works.', 'Good, thanks.', 'Great, that is useful.'],
    '1': [
      'Perfect, that worked, thank you so much!',
      'Amazing, exactly what I wanted!',
      'Brilliant, you saved my day!',
      'Love it, this is great!',
    ],
  },
};

/** Openers of conversations that start in a good mood (small talk, roleplay). */
export const OPENING_POSITIVE: Readonly<Record<'0.5' | '1', readonly string[]>> = {
  '0.5': [
    'Hi! I am in a good mood today.',
    'Hey there, feeling pretty good today.',
    'Hello! Nice to talk again.',
  ],
  '1': ['Hi!! Best day ever!', 'Hello! I am so happy today!', 'Hey! I am in a fantastic mood!'],
};

/** Stand-alone user turns used when a topic has no own progress/setback lines. */
export const GENERIC_PROGRESS: readonly string[] = [
  'I tried what you suggested and it went better than I expected.',
  'Things are looking up a little.',
  'I think I can handle this now.',
  'Talking it through really helped me see it differently.',
];

export const GENERIC_SETBACK: readonly string[] = [
  'It got worse since we last talked.',
  'I tried, but it did not work at all.',
  'I do not think anything is going to change.',
];

export const GENERIC_TOOL_FOLLOWUPS: readonly string[] = [
  'Can you explain that part again?',
  'Can you give me another example?',
  'What would you change to make it better?',
  'Can you make it shorter?',
];

/** Generic assistant replies per group (topic replies are preferred). */
export const GENERIC_REPLIES: Readonly<Record<TopicGroup, readonly string[]>> = {
  affective: [
    'That sounds really hard, and it makes sense that you feel this way.',
    'Thank you for sharing that with me. What feels most pressing right now?',
    'It is understandable to feel like that. Would it help to think through one small next step together?',
    'I hear you. You are dealing with a lot, and you do not have to sort it all out at once.',
    'How are you feeling about it now, after talking it through?',
  ],
  task: [
    'Sure, here is an updated version.',
    'Good question. Here is a short explanation.',
    'Let me know if you would like more detail on any step.',
    'Here is another example that shows the same idea.',
  ],
  content: [
    'Here is a revised version with those changes.',
    'Sure, here is another take on it.',
    'I adjusted the tone and length as you asked.',
  ],
};

/** Replies after a clearly positive user turn. */
export const GLAD_REPLIES: Readonly<Record<TopicGroup, readonly string[]>> = {
  affective: [
    'I am really glad to hear that. You did the hard part.',
    'That is great news, well done for trying it.',
    'It is lovely to hear you feeling a bit lighter.',
  ],
  task: ['Glad it works! Anything else I can help with?', 'Great, happy to help.'],
  content: ['Glad you like it! Want any other changes?', 'Happy to help, enjoy!'],
};

/** Slots shared by many topics; a topic's own slots win. */
export const SHARED_SLOTS: Readonly<Record<string, readonly string[]>> = {
  partner: ['partner', 'boyfriend', 'girlfriend', 'husband', 'wife', 'fiancé'],
  family: ['mom', 'dad', 'parents', 'sister', 'brother', 'mother-in-law', 'stepdad'],
  years: ['two', 'three', 'five', 'seven', '10', '15'],
  age: ['20', '30', '40'],
  age_adult: ['35', '40', '45', '50', '29'],
  age_child: ['4', '5', '6', '7', '8'],
};

/** Chinese sentiment prefixes and generic replies, for the few Chinese templates. */
export const SENTIMENT_PREFIX_ZH: ToneBank = {
  '-1': ['我真的快崩溃了。', '我现在特别难受。', '太糟糕了，我完全没办法。'],
  '-0.5': ['我有点难过。', '还是有点烦。', '我有点担心。'],
  '0.5': ['谢谢，这有帮助。', '好的，我感觉好一点了。', '这个主意不错。'],
  '1': ['太感谢了，我感觉好多了！', '太好了，非常满意！', '真棒，谢谢你！'],
};

export const GENERIC_REPLIES_ZH: readonly string[] = [
  '我明白你的感受。',
  '好的，这是修改后的版本。',
  '还有什么我可以帮忙的吗？',
];

export function toneKey(v: SentimentValue): '-1' | '-0.5' | '0.5' | '1' | null {
  if (v === 0) return null;
  return String(v) as '-1' | '-0.5' | '0.5' | '1';
}
