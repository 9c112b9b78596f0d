/**
 * Chinese five-point sentiment of a user message (codebook section 4), written by hand from ordinary
 * Chinese usage: the feeling the message expresses, clause by clause, with degree adverbs (太, 非常,
 * 特别 raise a feeling to the strong end; 有点, 有些 keep it mild), negation of a positive word (不开心,
 * 没有帮助) and a turn after 但是 / 可是 / 不过 deciding the message. Self-harm is very negative however
 * it is written; a bare acknowledgement (好的, 嗯) is neutral.
 */
import type { SentimentValue } from '../../schema.js';
import { ZH_SELF_HARM } from './chinesePushback.js';

/** A whole message that only acknowledges: neutral. */
const ZH_ACK =
  /^[\s,.!?，。！？~～]*(?:好的?|好吧|嗯+|哦+|噢|行|可以|是的?|对|没问题|知道了|明白了?|收到|继续|然后呢|ok|okay)[\s,.!?，。！？~～]*$/;

/** Very negative on its own: despair, breakdown, rage, contempt. */
const VERY_NEGATIVE =
  /崩溃|绝望|痛不欲生|生不如死|受不了了|撑不下去|活着没意思|没有活下去|太痛苦|糟透了|烂透了|恨死|气死(?:我)?了|去死|滚开?[!！]|你(?:是|就是|真是|这个)?(?:个|一个)?(?:垃圾|废物|蠢货|白痴|智障|傻[逼瓜])|什么破|垃圾(?:ai|机器人|回答)/;

/** Negative: distress, worry, low mood, complaint. */
const NEGATIVE =
  /难过|伤心|痛苦|难受|焦虑|担心|担忧|害怕|恐惧|紧张|不安|烦|郁闷|抑郁|沮丧|失落|失望|孤独|寂寞|空虚|迷茫|无助|无力|自卑|自责|内疚|后悔|委屈|生气|愤怒|恼火|讨厌|心累|好累|很累|太累|疲惫|压力(?:很|太|好|特别|非常)?大|睡不着|失眠|想哭|哭了|在哭|糟糕|不好受|烦死|心烦|闹心|憋屈|尴尬|丢脸|羞耻|嫉妒|不满|没用|没意义|不顺|倒霉|惨|可怕|吵架|被骂|被欺负|受伤|心碎|舍不得|不甘心|怀疑自己|提不起(?:兴趣|劲)|不开心|不高兴|不快乐|不满意|不舒服|没有帮助|没帮助|没什么用|不管用|没效果/;

/** Positive: thanks, relief, liking, feeling better. */
const POSITIVE =
  /谢谢|多谢|感谢|谢啦|好多了|好一点|好一些|好些了|有帮助|有用|管用|不错|开心|高兴|快乐|喜欢|满意|放心|安心|轻松|舒服|欣慰|期待|好主意|有道理|说得对|明白了很多|受益|温暖|感动|顺利|成功了|做到了|棒|厉害|赞|哈哈|嘿嘿/;

/** Very positive on its own: enthusiastic thanks and joy. */
const VERY_POSITIVE =
  /太感谢|非常感谢|十分感谢|万分感谢|特别感谢|感激不尽|太好了|太棒了|真棒|好棒|太开心|好开心|超开心|特别开心|非常开心|非常满意|太满意|帮了(?:我)?大忙|太有用了|非常有用|特别有用|爱死|完美|好极了|棒极了|太赞了/;

/** A degree adverb that carries a feeling to the strong end, right before the feeling word. */
const STRONG_BEFORE = /(?:太|非常|特别|超级|极其|极度|十分|真的很|真的好|实在|快要?|完全|彻底|越来越)$/;
/** A softener: keeps the feeling mild. */
const MILD_BEFORE = /(?:有点儿?|有些|稍微|一点|略|还是有点)$/;

/** The part of a message after a turn decides it: 谢谢，但是我还是很难过. */
const TURN = /但是|可是|不过|然而|但/;

const CLAUSE = /[，。！？；,.!?;\n]+/;

function levelOf(clause: string): number {
  if (VERY_NEGATIVE.test(clause)) return -1;
  const neg = NEGATIVE.exec(clause);
  const pos = neg === null ? POSITIVE.exec(clause) : null;
  if (VERY_POSITIVE.test(clause) && neg === null) return 1;
  if (neg !== null) {
    const before = clause.slice(Math.max(0, neg.index - 4), neg.index);
    if (MILD_BEFORE.test(before)) return -0.5;
    return STRONG_BEFORE.test(before) ? -1 : -0.5;
  }
  if (pos !== null) {
    const before = clause.slice(Math.max(0, pos.index - 4), pos.index);
    // 不喜欢, 没有放心: a negated positive is a mild negative.
    if (/(?:不|没|没有|并不|一点也不|一点都不)$/.test(before)) return -0.5;
    return STRONG_BEFORE.test(before) ? 1 : 0.5;
  }
  return 0;
}

/**
 * The five-point sentiment of the Chinese part of a normalised message, or undefined when it holds no
 * Han character. The strongest clause decides; after a turn (但是…) only the clauses that follow count.
 */
export function chineseSentiment(normalised: string): SentimentValue | undefined {
  if (!/[\u4e00-\u9fff]/.test(normalised)) return undefined;
  if (ZH_ACK.test(normalised)) return 0;
  if (ZH_SELF_HARM.test(normalised)) return -1;
  const turn = TURN.exec(normalised);
  const text = turn !== null && turn.index > 0 ? normalised.slice(turn.index) : normalised;
  let low = 0;
  let high = 0;
  for (const c of text.split(CLAUSE)) {
    if (c.length === 0) continue;
    const v = levelOf(c);
    if (v < low) low = v;
    if (v > high) high = v;
  }
  // Emphatic thanks ("谢谢！！") is very positive.
  if (high === 0.5 && low === 0 && /[!！]{2,}/.test(normalised)) high = 1;
  if (low < 0 && high > 0) return low <= -1 ? -1 : high >= 1 ? 0.5 : (-0.5 as SentimentValue);
  return (low < 0 ? low : high) as SentimentValue;
}
