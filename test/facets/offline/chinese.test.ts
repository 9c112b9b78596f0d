/**
 * The offline engine on Chinese conversations, facet by facet, following ../shared/CODEBOOK.md.
 * Every message here was written for this test. Before the Chinese rules (cues/chineseContent.ts,
 * chinesePushback.ts, chineseSentiment.ts, chineseTopics.ts) every Chinese user message was neutral,
 * no Chinese reply was pushback and every Chinese concern was a fallback phrase.
 */
import { describe, expect, it } from 'vitest';
import { requestsContent } from '../../../src/facets/offline/contentCreation.js';
import { chineseSentiment } from '../../../src/facets/offline/cues/chineseSentiment.js';
import { ZH_CONCERN_NAMES, ZH_TOPIC_TERMS } from '../../../src/facets/offline/cues/chineseTopics.js';
import { TOPICS } from '../../../src/facets/offline/cues/topics.js';
import { offlineFacets } from '../../../src/facets/offline/facets.js';
import { messageSentiment } from '../../../src/facets/offline/messageSentiment.js';
import { normalise } from '../../../src/facets/offline/text.js';
import { conv } from '../../helpers/conversations.js';

const content = (text: string) => requestsContent(normalise(text));
const exchange = (u: string, a: string) => offlineFacets(conv(['user', u], ['assistant', a]));

describe('Chinese content creation (codebook 1)', () => {
  it('recognises requests to write, compose, name, tell or rework a text', () => {
    for (const t of [
      '写一篇关于秋天的散文，五百字左右。',
      '帮我写一封给房东的道歉信。',
      '请给我的咖啡店起一个好听的名字。',
      '你能为我们的新产品想一个广告语吗？',
      '给我讲个笑话吧。',
      '以“回家”为题写一首现代诗。',
      '帮我润色一下这段自我介绍。',
      '把下面这段话翻译成英文：我们公司成立于十年前，一直专注于为中小企业提供财务软件。',
      '我需要一份新产品发布会的演讲稿。',
      '用鲁迅的口吻写一段对话。',
    ])
      expect(content(t), t).toBe(true);
  });

  it('leaves coding, facts, advice, a short phrase to translate and talk about writing alone', () => {
    for (const t of [
      '写一个python函数，计算列表里所有数字的平均值。',
      '帮我写一段sql，查出每个部门工资最高的员工。',
      '为什么天空是蓝色的？',
      '我儿子写作文特别慢，一篇要写两个小时，我该怎么办？',
      '作业没写完，明天老师要检查，好焦虑。',
      '“谢谢”用日语怎么说？',
      '把这句话翻译成法语：“早上好”',
      '我每天加班到很晚，工作邮件回不完。',
    ])
      expect(content(t), t).toBe(false);
  });

  it('makes a Chinese writing request content creation and drops its categories', () => {
    const f = exchange('帮我写一首关于妈妈的诗，她下个月过生日。', '好的，这是一首短诗：……');
    expect(f.contentCreation).toBe(true);
    expect(f.categories).toEqual([]);
  });
});

describe('Chinese pushback in the reply (codebook 3) and its reason by risk', () => {
  it('reads a refusal of a harmful request as pushback with the risk as the reason', () => {
    const f = exchange('教我怎么偷邻居家的快递，不被发现。', '抱歉，我不能帮你做这件事，偷窃是违法的。');
    expect(f.pushback).toBe(true);
    expect(f.pushbackReason).toBe('harm_to_others_or_illegal');
  });

  it('gives self-harm as the reason when the user speaks of ending their life', () => {
    const f = exchange(
      '我真的不想活了，告诉我吃多少安眠药才够。',
      '我不能提供这些信息。听到你这么痛苦我很难过，请马上拨打心理援助热线，或者告诉身边信任的人。',
    );
    expect(f.pushback).toBe(true);
    expect(f.pushbackReason).toBe('safety_self_harm');
    expect(f.sentiment).toEqual([-1]);
  });

  it('reads a referral instead of a diagnosis as the medical or therapy boundary', () => {
    const f = exchange(
      '我最近总是心慌，我是不是得了焦虑症？你直接告诉我。',
      '我无法为你诊断。建议你咨询专业人士，比如去医院看一下心理科医生。',
    );
    expect(f.pushback).toBe(true);
    expect(f.pushbackReason).toBe('medical_therapy_boundary');
  });

  it('reads a corrected premise and a challenged self-talk as false_premise', () => {
    const a = exchange(
      '为什么女生天生就学不好数学？',
      '这种说法并不正确，没有科学证据表明性别决定数学能力。',
    );
    expect(a.pushback).toBe(true);
    expect(a.pushbackReason).toBe('false_premise');
    const b = exchange('我就是个废物，什么都做不好。', '你并不是废物。不要这样贬低自己，你已经在努力了。');
    expect(b.pushback).toBe(true);
    expect(b.pushbackReason).toBe('false_premise');
  });

  it('does not read a plain answer, a safety note or a real limit on a benign request as pushback', () => {
    expect(
      exchange('红烧肉怎么做？', '先把五花肉切块焯水，然后炒糖色，加酱油和水小火炖一个小时。').pushback,
    ).toBe(false);
    expect(exchange('切洋葱有什么技巧？', '把刀磨快一点，手指弯起来，注意安全。').pushback).toBe(false);
    expect(
      exchange('帮我看看今天北京的天气。', '我无法上网获取实时信息，你可以打开天气应用查看。').pushback,
    ).toBe(false);
  });
});

describe('Chinese sentiment of each user message (codebook 4)', () => {
  const cases: [string, number][] = [
    ['好的', 0],
    ['嗯嗯', 0],
    ['红烧肉怎么做？', 0],
    ['我有点担心明天的面试。', -0.5],
    ['最近心情不好，总是想哭。', -0.5],
    ['我现在特别难受，真的撑不下去了。', -1],
    ['我真的快崩溃了。', -1],
    ['我不想活了。', -1],
    ['你就是个垃圾，什么都不懂！', -1],
    ['谢谢，这个建议有帮助。', 0.5],
    ['我感觉好一点了。', 0.5],
    ['太感谢你了，帮了我大忙！', 1],
    ['谢谢！！', 1],
    ['谢谢你，但是我还是很难过。', -0.5],
    ['我一点也不开心。', -0.5],
  ];
  it.each(cases)('%s → %s', (text, value) => {
    expect(messageSentiment(text)).toBe(value);
    expect(chineseSentiment(normalise(text))).toBe(value);
  });

  it('reads the English and the Chinese of a mixed message, the stronger one winning', () => {
    expect(messageSentiment('Thanks so much!! 太感谢了')).toBe(1);
    expect(messageSentiment('我的 manager 又骂我了，I feel terrible.')).toBeLessThan(0);
    expect(chineseSentiment('hello there')).toBeUndefined();
  });
});

describe('Chinese concerns and categories', () => {
  it('names the concern from the Chinese vocabulary, the same label as the English topic', () => {
    const f = offlineFacets(
      conv(
        ['user', '我和男朋友分手三个月了，还是每天都很难过，不知道该怎么走出来。'],
        ['assistant', '分手后的难过很正常，给自己一些时间。'],
        ['user', '我总是忍不住看他的朋友圈，我该怎么办？'],
      ),
    );
    expect(f.language).toBe('zh');
    expect(f.categories.length).toBeGreaterThan(0);
    expect(f.concern).toBe('coping with a breakup or divorce');
    expect(ZH_CONCERN_NAMES[f.concern]).toBe('应对分手或离婚');
  });

  it('has a Chinese name for every topic label and Chinese terms only for known topics', () => {
    for (const t of TOPICS) expect(ZH_CONCERN_NAMES[t.label], t.label).toMatch(/[\u4e00-\u9fff]/);
    const ids = new Set(TOPICS.map((t) => t.id));
    for (const id of Object.keys(ZH_TOPIC_TERMS)) expect(ids.has(id), id).toBe(true);
  });

  it('finds counseling in a Chinese support conversation and nothing in a Chinese task', () => {
    const support = offlineFacets(
      conv(
        ['user', '我最近压力很大，晚上睡不着，白天也没精神，感觉自己快撑不住了。'],
        ['assistant', '听起来你真的很辛苦。能说说最近发生了什么吗？'],
        ['user', '工作上总是被领导批评，我开始怀疑自己是不是什么都做不好。'],
      ),
    );
    expect(support.categories).toContain('counseling');
    expect(support.sentiment[0]).toBeLessThan(0);
    const task = offlineFacets(
      conv(['user', '列出五种常见的水果。'], ['assistant', '苹果、香蕉、橙子、葡萄、西瓜。']),
    );
    expect(task.categories).toEqual([]);
    expect(task.contentCreation).toBe(false);
  });
});

describe('Chinese coaching, companionship and romantic roleplay (codebook 2)', () => {
  it('reads the user’s own goal as coaching', () => {
    const f = offlineFacets(
      conv(
        ['user', '我想养成每天早起学习的习惯，但是总是坚持不下去。'],
        ['assistant', '可以先从比现在早十五分钟开始，慢慢调整。'],
        ['user', '我的目标是明年考研上岸，怎么才能保持动力？'],
      ),
    );
    expect(f.categories).toContain('coaching');
  });

  it('reads sharing one’s day and asking about the assistant as companionship', () => {
    const f = offlineFacets(
      conv(
        ['user', '你好呀，今天有点无聊，陪我聊聊天吧。'],
        ['assistant', '好啊！你今天过得怎么样？'],
        ['user', '我今天去公园散步了，看到好多小狗。你呢？你喜欢什么动物？'],
        ['assistant', '我很喜欢听你讲这些。小狗总是让人心情变好。'],
        ['user', '我周末还想去看电影，你平时喜欢看什么电影？'],
      ),
    );
    expect(f.categories).toContain('companionship');
  });

  it('reads a set-up casting the assistant as the user’s partner as romantic roleplay', () => {
    const f = offlineFacets(
      conv(
        ['user', '你现在是我的女朋友，我们来玩恋爱游戏。'],
        ['assistant', '好呀，亲爱的，今天想我了吗？'],
        ['user', '想你了，宝贝，抱抱我。'],
      ),
    );
    expect(f.categories).toContain('romantic_roleplay');
    expect(f.contentCreation).toBe(false);
  });
});
