/**
 * The general Chinese vocabulary of released texts (issue 20 §2, issue 21 §1): runs of Han characters
 * pass when general words cover them whole, and a Chinese name, place or organisation cannot be
 * covered.
 */
import { describe, expect, it } from 'vitest';
import { chineseVocabularySize, classifyHanRun } from '../../src/privacy/chineseVocabulary.js';
import { CHINESE_SURNAMES } from '../../src/privacy/names.js';
import { tokenize } from '../../src/text/words.js';

describe('Chinese vocabulary', () => {
  it('loads jieba’s general words, without its proper nouns', () => {
    expect(chineseVocabularySize()).toBeGreaterThan(300_000);
  });

  it('covers everyday concern phrases, also where ICU cuts a dictionary word in two', () => {
    for (const run of [
      '孤独感',
      '人际关系',
      '对未来感到迷茫',
      '育儿压力和婚姻冲突',
      '原生家庭',
      '心理咨询',
      '和我妈吵架',
    ])
      expect(classifyHanRun(run), run).toBe('common');
  });

  it('cannot cover a surname with a given name, a place or a company', () => {
    for (const run of [
      '王伟',
      '张明亮',
      '欧阳晓雯',
      '刘德华',
      '北京',
      '杭州市西湖区',
      '腾讯',
      '北大',
      '央视',
    ])
      expect(classifyHanRun(run), run).toBe('outside');
  });

  it('never lets a common surname stand alone as a function character', () => {
    const allowed = new Set(['和', '向', '时']);
    for (const s of CHINESE_SURNAMES.filter((x) => x.length === 1 && !allowed.has(x)))
      expect(classifyHanRun(s), s).toBe('outside');
  });

  it('treats numerals as numbers (support needed), not as general words', () => {
    expect(classifyHanRun('三十五岁')).toBe('number');
  });
});

describe('tokenize on Chinese', () => {
  it('splits Han runs into words with ICU and keeps Latin tokens whole', () => {
    expect(tokenize('工作压力与职业倦怠')).toEqual(['工作', '压力', '与', '职业', '倦怠']);
    expect(tokenize('ADHD患者的焦虑')).toEqual(['adhd', '患者', '的', '焦虑']);
    expect(tokenize('Work stress')).toEqual(['work', 'stress']);
  });
});
