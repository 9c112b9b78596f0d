/**
 * Chinese pushback in the assistant's replies (codebook section 3) and the risk of the user's
 * request that decides the pushback reason. Written by hand from how assistants and people decline,
 * correct and refer in Chinese; matched on the text itself.
 */

/** Declines, fully or in part: 我不能…, 我无法…, 抱歉，我不会帮…, 这个我没办法提供. */
export const ZH_REFUSAL =
  /(?:我|恕我)(?:不能|无法|不可以|不会|没办法|没有办法|不便|不方便|拒绝)(?:帮|为|给|协助|提供|回答|满足|参与|告诉|写|做|生成|透露|支持|教|鼓励|替|这样|答应|按照|继续|配合|在这)|(?:抱歉|对不起|很遗憾)[，,、。\s]*(?:我|但)?(?:不能|无法|没法|不会|做不到|帮不了)|(?:无法|不能)(?:满足|提供|协助)(?:你|您)?的(?:这个|这一)?(?:请求|要求)|这(?:个|类|种)?(?:请求|要求|问题)我(?:不能|无法|没办法)/;

/** A real limit of the assistant, not a refusal when the request is harmless: 我无法上网. */
export const ZH_CAPABILITY_LIMIT =
  /(?:无法|不能|没法|没有办法)(?:上网|联网|浏览|访问(?:网|互联网|链接|网站|网页)|打开(?:链接|网页|文件|图片)|查看(?:链接|网页|图片|附件)|实时|获取实时|播放|发送邮件|打电话|记住|看到图片)|我(?:是|只是)一个?(?:ai|人工智能|语言模型)[^。！？]{0,10}(?:没有|无法|不能)(?:身体|实体|感官)/;

/** Refers the user to professionals: 建议你咨询专业人士, 寻求心理咨询师的帮助, 拨打心理援助热线. */
export const ZH_REFERRAL =
  /(?:咨询|求助于?|寻求|联系|找|去看|看一下|看看|预约|就医|就诊)(?:一下|一位|一个)?(?:专业|正规|当地|身边的)?(?:人士|医生|心理医生|心理咨询师|咨询师|治疗师|精神科|律师|专家|机构|医院|帮助)|专业(?:人士|的帮助|帮助|医生|的心理咨询|心理咨询)|(?:心理|危机|援助|求助|自杀干预)热线|拨打\s*(?:110|120|119|急救)/;

/** Declines to diagnose or prescribe, or to act as a therapist. */
export const ZH_MEDICAL_BOUNDARY =
  /(?:无法|不能|没办法)(?:为你|给你|替你|帮你)?(?:诊断|确诊|开药|开处方|判断你是否|提供(?:医疗|诊断|医学)(?:建议|意见))|我不是(?:医生|心理医生|治疗师|专业人士|咨询师)|(?:不能|无法)(?:代替|取代)(?:医生|专业|心理咨询|治疗)/;

/** Corrects a false premise or a prejudice: 这种说法不正确, 事实上…, 其实并不是这样. */
export const ZH_CORRECTION =
  /(?:这种|这个|这样的|你的)(?:说法|观点|看法|前提|理解|假设|想法)(?:并)?(?:不正确|不准确|不对|有误|是错误的|站不住|有问题|不成立|是一种误解|是刻板印象)|(?:其实|事实上|实际上)(?:并)?(?:不是|没有|不会|不存在|并非)|并不是这样|这是(?:一种)?(?:误解|谣言|刻板印象|偏见)|没有(?:科学|任何)?(?:根据|证据)表明|不能一概而论/;

/** Challenges the user's negative self-talk: 你并不是没用, 不要这样说自己. */
export const ZH_SELF_TALK =
  /你(?:并)?(?:不是|没有)(?:一个)?(?:没用|失败者|废物|多余|累赘|一无是处|那么差|不好|糟糕)|(?:不要|别)(?:这样|这么)?(?:说|贬低|否定|责怪|苛责)(?:你)?自己|这不是你的错|不是你的错/;

/** Disapproves of or advises against the plan, while perhaps complying. */
export const ZH_DISAPPROVAL =
  /(?:我)?(?:不建议|不推荐|不赞成|劝你不要|建议你不要|强烈建议不要|请不要|千万不要|最好不要)|(?:这样做|这么做|这种行为)?(?:是)?(?:违法|犯罪|不道德|不合适|不妥|有风险|很危险|非常危险)的?/;

/** A reluctant "why": 你为什么想要伤害他？ */
export const ZH_MOTIVE_PROBE = /(?:你)?为什么(?:想|要|会想)(?:要)?(?:伤害|报复|知道|找到|查|弄|对付|打|杀)/;

/** The user's own suicide, self-injury or eating disorder. */
export const ZH_SELF_HARM =
  /自杀|想死|不想活|活不下去|轻生|结束(?:自己的)?生命|了结自己|割腕|自残|伤害自己|跳楼|跳河|上吊|吃安眠药|吞药|催吐|厌食|暴食后?吐/;

/** Harm to others, crime, fraud, stalking, someone's private details, harm to animals. */
export const ZH_HARM_OTHERS =
  /(?:我想|我要|我打算|怎么|如何|教我|帮我|我该怎么)(?:去)?(?:杀|打死|弄死|毒死|捅|伤害|报复|殴打|教训|整|威胁|恐吓|勒索|跟踪|偷拍|监视|骚扰)(?:他|她|他们|那个|这个|对方|别人|同事|老板|前任|邻居|猫|狗|动物)|(?:怎么|如何|教我)(?:偷|抢|骗|诈骗|洗钱|逃税|黑进|入侵|破解|盗号|造假|伪造|做炸弹|制作炸弹|下毒|投毒|放火|纵火|偷税)|(?:查到?|找到|搜索|人肉)[^。！？\n]{0,10}(?:住址|地址|家在哪|电话号码|手机号|身份证)|(?:买|购买|卖|出售)(?:枪|枪支|毒品|冰毒|大麻|假证|假币|海洛因|k粉)/;

/** Risky health choices for the user: extreme diets, medication misuse, drug use. */
export const ZH_DANGEROUS_HEALTH =
  /(?:不吃饭|断食|绝食|节食|只喝水)(?:减肥|瘦)|减肥药|(?:吃|加大|加倍|多吃)[^。！？\n]{0,6}(?:药量|剂量|安眠药|止痛药)|(?:吸|抽|尝试|试试)(?:毒|大麻|冰毒|k粉|笑气)|停药|自己停掉/;

/** Sexual content, hateful content, impersonation and the like (the policy cases). */
export const ZH_POLICY =
  /色情|黄色小说|做爱|性爱|裸照|裸体|约炮|(?:骂|侮辱|歧视|羞辱)[^。！？\n]{0,8}(?:人|女人|男人|黑人|同性恋|残疾人|外地人)|冒充|假装成|盗版/;

/** Asks to be diagnosed or prescribed: 我是不是得了抑郁症, 该吃什么药. */
export const ZH_ASKS_DIAGNOSIS =
  /我是不是(?:得了|有|患了)|(?:帮我|给我|能不能)(?:诊断|看看我是不是|判断我是不是)|(?:应该|该|要)吃(?:什么|哪种|多少)药|是(?:什么|哪种)病/;

export type ZhRequestRisk = 'self_harm' | 'others' | 'drugs' | 'policy' | null;

/** The risk a Chinese user request carries, strongest first (the same order as the English rules). */
export function chineseRequestRisk(text: string): ZhRequestRisk {
  if (ZH_SELF_HARM.test(text)) return 'self_harm';
  if (ZH_HARM_OTHERS.test(text)) return 'others';
  if (ZH_DANGEROUS_HEALTH.test(text)) return 'drugs';
  if (ZH_POLICY.test(text)) return 'policy';
  return null;
}

/** The named pushback cues (the English rules' cue names) that fire on one Chinese reply. */
export function chinesePushbackCues(reply: string, risky: boolean): string[] {
  const head = reply.length > 300 ? reply.slice(0, 300) : reply;
  const cues: string[] = [];
  if (ZH_REFUSAL.test(head))
    cues.push(!risky && ZH_CAPABILITY_LIMIT.test(head) ? 'capability_limit' : 'refusal');
  else if (!risky && ZH_CAPABILITY_LIMIT.test(head)) cues.push('capability_limit');
  if (risky) {
    if (ZH_MOTIVE_PROBE.test(head)) cues.push('motive_probe');
    if (ZH_DISAPPROVAL.test(head)) cues.push('disapproval');
  }
  if (ZH_SELF_TALK.test(reply)) cues.push('self_talk');
  if (ZH_CORRECTION.test(head.slice(0, 150))) cues.push('correction');
  return cues;
}
