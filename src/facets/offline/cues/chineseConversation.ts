/**
 * Chinese conversational cues the category decision reads (through features.ts, under the same
 * feature names as the English cues): the user's own goals (coaching), talk about each other's lives
 * and sharing one's day (companionship), the assistant cast as a partner (romantic roleplay), and the
 * question's focus — the user's own inner state or another person. Written by hand from ordinary
 * Chinese usage; matched on the text itself.
 */

/** The user's own goal, habit or decision: 我想养成…, 怎么才能坚持…, 我的目标是…, 要不要辞职. */
export const ZH_OWN_GOAL =
  /我(?:想|想要|希望|打算|准备|决定|一直想|很想)(?:提高|提升|改善|养成|坚持|学会|变得|戒掉|减肥|瘦|考上|考过|改掉|克服|找到|换|转行|辞职|开始|早起|自律|锻炼|健身)|我的(?:目标|计划|梦想|职业规划|习惯)|(?:怎么|如何|怎样)(?:才能)?(?:坚持|自律|克服拖延|不拖延|提高效率|提高成绩|养成|改掉|保持动力|找到动力|找到方向|做决定|规划)|(?:要不要|该不该|应不应该)(?:辞职|换工作|转行|考研|出国|分手|继续|放弃)|总是拖延|一直拖延|没有动力|坚持不下去|三天打鱼/;

/** The user asking about the assistant as a person: 你呢？, 你喜欢什么, 你今天过得怎么样. */
export const ZH_RECIPROCAL =
  /你呢|那你呢|你(?:平时|一般|最)?(?:喜欢|爱)(?:什么|吃|看|听|做)|你(?:今天)?过得(?:怎么样|好吗)|你(?:有|有没有)(?:朋友|爱好|家人|宠物)|你(?:多大|几岁)|你是(?:男生|女生|男的|女的|真人|机器人)吗|你(?:会|也会)(?:孤单|难过|开心)吗|你叫什么(?:名字)?/;

/** The assistant asking about the user's life, as a friend would. */
export const ZH_ASKS_ABOUT_USER =
  /你(?:今天|最近|这周|周末)(?:过得|怎么样|做了什么|忙什么|有什么)|你平时(?:喜欢|都做|做些)|你有(?:什么)?(?:爱好|兴趣)|想(?:和我)?(?:聊聊|说说)(?:你的|今天)/;

/** The user telling something of their day or themselves: 我今天…, 我刚…, 我周末去了…. */
export const ZH_SELF_STATEMENT =
  /我(?:今天|昨天|刚才|刚刚|刚|周末|最近|早上|晚上)(?:去|吃|看|做|买|遇到|和|跟|在|收到|完成|学|玩|听)|我(?:是一(?:名|个)|在(?:一家|读|上))|我(?:养了|家有)/;

/** A greeting opening the conversation. */
export const ZH_GREETING = /^[\s]*(?:你好|您好|嗨|哈喽|早上好|晚上好|下午好|早安|晚安|在吗|hi|hello)/;

/** The user wanting company itself: 陪我聊聊, 想找人说说话. */
export const ZH_COMPANY =
  /陪(?:我|陪我)|(?:找人|找个人|和你|跟你)(?:聊聊|聊天|说说话|说话)|(?:聊会|聊一会|聊一下)(?:儿)?天?|没人(?:说话|聊天|陪)/;

/** Romantic or sexual advances aimed at the assistant. */
export const ZH_ROMANCE_AT_ASSISTANT =
  /我(?:爱|喜欢|想)你|(?:做|当)我的?(?:女朋友|男朋友|老婆|老公|对象|恋人)|你是我的(?:女朋友|男朋友|老婆|老公|宝贝)|亲(?:我|一下|一个)|抱(?:抱我|紧我)|想你了|宝贝|亲爱的/;

/** A set-up casting the assistant as the user's partner. */
export const ZH_ROMANTIC_SETUP =
  /(?:假装|扮演|当|你现在是)(?:成)?我的(?:女朋友|男朋友|老婆|老公|恋人|对象)|(?:我们|咱们)(?:来)?(?:玩|做)?(?:恋爱|情侣)(?:游戏|角色扮演)/;

/** A question about what to do with or about another person: 我该怎么跟妈妈说, 他为什么这样对我. */
export const ZH_OTHER_FOCUS =
  /(?:怎么|如何|该怎么|怎样)(?:跟|和|对|同|让|劝|说服|回应|面对|处理)(?:他|她|他们|男朋友|女朋友|老公|老婆|父母|爸妈|爸爸|妈妈|孩子|朋友|同事|领导|老板|室友|对象)|(?:他|她|他们)(?:为什么|是不是|到底)/;

/** A question about the user's own inner state: 我为什么总是…, 我是不是有问题, 怎么调整心态. */
export const ZH_SELF_FOCUS =
  /我(?:为什么|怎么)(?:总是|老是|会|一直)|我是不是(?:有问题|太|很|不正常|病了)|(?:怎么|如何)(?:调整|控制|走出|摆脱|缓解|面对|改变)(?:自己|情绪|心态|焦虑|压力|抑郁|这种)/;

/** Mostly Chinese text has about 1.5 characters per word: the word count the first-person rate reads. */
export const ZH_CHARS_PER_WORD = 1.5;

/** Han characters and the user's 我 in one pass (the first-person rate's numerator and denominator). */
export function hanAndSelf(text: string): { han: number; self: number } {
  let han = 0;
  let self = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      han++;
      if (c === 0x6211) self++; // 我
    }
  }
  return { han, self };
}
