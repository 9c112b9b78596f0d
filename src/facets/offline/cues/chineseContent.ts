/**
 * Chinese content-creation requests (codebook section 1): the user asks the assistant to produce a
 * text or artifact — 写一篇…, 帮我写…, 翻译…, 润色…, 起个名字…. Written by hand from ordinary Chinese
 * usage. Matched on the text itself (Chinese has no spaces), within the opening of a request.
 */

/** A writing noun: what gets produced. */
const ZH_WRITING_NOUN =
  '故事|小故事|童话|寓言|诗|诗歌|古诗|现代诗|小说|文章|短文|作文|散文|随笔|日记|歌词|歌|剧本|台词|对话|段子|笑话|标题|文案|广告词|广告语|宣传语|口号|标语|slogan|书名|名字|名称|对联|春联|祝福语|贺词|致辞|演讲稿|发言稿|讲话稿|主持词|悼词|邮件|信|情书|推荐信|求职信|感谢信|道歉信|简历|自我介绍|朋友圈|微博|帖子|博客|推文|评论|影评|书评|读后感|观后感|总结|报告|周报|月报|工作计划|计划书|方案|策划|商业计划|提纲|大纲|ppt|幻灯片|简介|说明书|产品描述|新闻稿|公告|通知|论文|段落|句子|摘要';

/** A verb of producing or reworking text, optionally after 请 / 帮我 / 给我 / 能不能 and the like. */
const ZH_MAKE =
  '写|撰写|编写|创作|起草|草拟|拟一|拟个|编一|编个|起一|起个|取一|取个|想一|想个|设计一|续写|改写|重写|润色|扩写|缩写|仿写';

/**
 * Where a request starts: the start of a clause, or a request word (请, 帮我, 给我, 你能, 我需要…).
 * "孩子写作文很慢" or "作业没写完" tell about writing; they do not ask for it.
 */
const ASK =
  '(?:(?:^|[。！？!?\\n，,：:；;])(?:(?:以|根据|围绕|按照|针对|用|参考|仿照|模仿|给定[^。！？!?\\n]{0,20}?，)[^。！？!?\\n，,]{0,24}?)?|请|帮我|帮忙|给我|麻烦你?|能不能|可不可以|可以|能否|你能|替我|为我|让你|需要你|我需要|我想要?|来)';

/** Request + verb + (a measure word or a short span) + writing noun: 写一篇作文, 帮我写个故事, 给我起一个名字. */
const MAKE_NOUN = new RegExp(
  `${ASK}\\s*(?:再|重新|帮我|给我|为我|帮忙|(?:给|为|帮|替)[^。！？!?\\n，,]{1,10}?)?(?:${ZH_MAKE})[^。！？!?\\n]{0,24}?(?:${ZH_WRITING_NOUN})`,
);

/** Asking for a text by its noun: 我需要一份演讲稿, 给我几个标题, 帮我准备一篇发言稿. */
const NEED_NOUN = new RegExp(
  `(?:我需要|我想要|给我|帮我(?:准备|弄|做|出|整理)?|来)(?:一份|一篇|一个|一首|一段|一封|几个|几条|几句|个|份|篇|首|段)[^。！？!?\\n]{0,12}?(?:${ZH_WRITING_NOUN})`,
);

/** Reworking the user's own text: polish, rewrite, shorten, proofread. */
const REWORK =
  /(?:编辑(?:下面|以下|这|该|文本|句子|段落|文章)|润色|改写|重写|扩写|缩写|校对|改一下(?:这段|这篇)|帮我改(?:改|一下)?(?:这段|这篇|我的))/;

/**
 * Translating a text: a passage (这段话, 下面的文章, 这封邮件) or a long request. Translating one short
 * phrase ("把这句话翻译成法语：‘火车站在哪里’") is a language question, like "how do you say X in French?"
 * (the codebook's "translating the user's text" read as producing a text; decision recorded in the README).
 */
const TRANSLATE = /翻译|译成|翻成/;
const PASSAGE = /这段|这篇|这封|这首|下面的|以下|全文|这份|我的(?:文章|论文|邮件|简历|信)/;
const LONG_TRANSLATION = 60;

/** Telling a story, a joke, writing a poem about X: 讲个故事, 讲一个笑话, 来一首诗. */
const TELL = /(?:讲|说|来)(?:个|一个|一首|一段|首|段)(?:故事|笑话|段子|诗|绕口令)/;

/** A story the user directs as author: 以…为题, 以…的口吻写, 续写…. */
const AS_AUTHOR = /以[^。！？\n]{1,20}为(?:题|主题|题目)|用[^。！？\n]{1,12}的(?:口吻|语气|风格)(?:写|讲|说)/;

/** Coding, maths and data: "写一个函数" is a coding task, not content. */
const ZH_CODE =
  /代码|函数|程序|脚本|算法|正则|sql|python|java|javascript|c\+\+|html|css|编程|公式|方程|excel公式|接口|api/;

/** Kana: Japanese text, which the other-language patterns read. */
export const KANA = /[\u3040-\u30ff]/;

/** Whether a Chinese user request asks for content to be produced (codebook section 1). */
export function requestsChineseContent(normalised: string): boolean {
  const head = normalised.length > 400 ? normalised.slice(0, 400) : normalised;
  const translation = TRANSLATE.test(head) && (PASSAGE.test(head) || normalised.length > LONG_TRANSLATION);
  if (
    !(
      translation ||
      MAKE_NOUN.test(head) ||
      NEED_NOUN.test(head) ||
      REWORK.test(head) ||
      TELL.test(head) ||
      AS_AUTHOR.test(head)
    )
  )
    return false;
  return !ZH_CODE.test(head.slice(0, 200));
}
