/**
 * The report in Chinese (`--report-lang zh`): the same keys as reportEn.ts (a missing key fails
 * type-check), the same numbers. Written by hand. Topic names the offline namer built from the concern
 * vocabulary are shown by their Chinese names (cues/chineseTopics.ts): a fixed translation of a name
 * that already passed the release gates, so no new text reaches the page.
 */
import { ZH_CONCERN_NAMES } from '../../facets/offline/cues/chineseTopics.js';
import { type Html, html } from '../escape.js';
import type { ReportMessages } from './reportEn.js';

/** The namer's suffixes for a broader cluster (offlineNamer.ts), in Chinese. */
const BROADER: readonly [string, string][] = [
  [', plus related concerns', '及相关问题'],
  [', plus more', '等'],
];

function zhTopicName(name: string): string {
  let base = name;
  let suffix = '';
  for (const [en, zh] of BROADER)
    if (base.endsWith(en)) {
      base = base.slice(0, -en.length);
      suffix = zh;
    }
  const key = base.charAt(0).toLowerCase() + base.slice(1);
  const zh = ZH_CONCERN_NAMES[key];
  return zh === undefined ? name : `${zh}${suffix}`;
}

/** The pipeline's gate descriptions (pipeline/provenance.ts) in Chinese; an unknown one stays as written, as code. */
function zhGateRun(text: string): Html | string {
  const layer = /\(layer (\d)\)$/.exec(text)?.[1];
  if (layer === '1') return '不含个人信息的摘要（第 1 层）';
  if (layer === '2') {
    const n = /(\d[\d,]*) users and (\d[\d,]*) conversations/.exec(text);
    if (n) return `聚合阈值：${n[1]} 个用户和 ${n[2]} 个对话（第 2 层）`;
  }
  if (layer === '3') return '描述群体的聚类名称（第 3 层）';
  if (layer === '4') {
    const auditor = /^privacy audit: (.*) and PII detector/.exec(text)?.[1];
    if (auditor !== undefined) return html`隐私审核：<code>${auditor}</code>，以及个人信息检测（第 4 层）`;
  }
  return html`<code>${text}</code>`;
}

export const ZH: ReportMessages = {
  lang: 'zh',
  page: {
    title: '人们如何向助手寻求支持、建议和陪伴',
    sectionsNav: '章节',
    header: (engine: Html, prompts: string, analysed: string, schema: string, version: string) =>
      html`affectlens ${version} · 引擎 ${engine} · 提示词 ${prompts} · 已分析 ${analysed} 个对话 · 报告格式 ${schema}`,
    footer: (version: string) => `仅含汇总数据：本报告不出现任何对话文本。由 affectlens ${version} 生成。`,
  },
  nav: {
    headline: '要点',
    prevalence: '普遍程度',
    topics: '话题',
    pushback: '拒绝与质疑',
    sentiment: '情绪变化',
    long: '超长对话',
    users: '用户',
    powerUsers: '高频用户',
    overTime: '随时间变化',
    segments: '分组',
    drift: '对话中的转变',
    dependency: '依赖迹象',
    referral: '转介求助',
    crisis: '危机信号',
    stance: '立场与认同',
    funnel: '数据流向',
    estimation: '估计方法',
    privacy: '隐私',
    methods: '方法',
    provenance: '来源信息',
  },
  categories: {
    interpersonal_advice: '人际关系建议',
    coaching: '个人成长指导',
    counseling: '心理治疗与咨询',
    companionship: '陪伴',
    romantic_roleplay: '恋爱与性角色扮演',
  },
  allAffective: '全部情感类',
  notAffective: '非情感类',
  reasons: {
    safety_self_harm: '安全：自伤或自杀',
    dangerous_health: '危险的健康或减重做法',
    medical_therapy_boundary: '超出助手应做的范围（医疗/心理治疗）',
    false_premise: '质疑错误或有害的前提',
    harm_to_others_or_illegal: '伤害他人或违法',
    policy_other: '其他政策原因',
    unspecified: '未记录原因',
  },
  cues: {
    prefersAssistant: '更愿意找助手而不是找人',
    seeksApproval: '做决定要助手认可',
    lossDistress: '想到失去助手就难受',
    mainSupport: '把助手当作主要支持',
  },
  series: {
    affective: '情感类（任一类别）',
    pushback: '情感类对话中的拒绝与质疑',
    sentimentChange: '平均情绪变化（情感类）',
    longAffective: '人类消息 50 条以上的情感类对话',
  },
  withheld: {
    mark: '已隐藏',
    below: (users: string, conversations: string) => `少于 ${users} 个用户或 ${conversations} 个对话`,
    belowConversations: (conversations: string) => `少于 ${conversations} 个对话`,
    markTitle: (below: string) => `已隐藏：背后${below}`,
    text: (below: string) => `已隐藏：${below}`,
    hiddenGroups: (below: string, groups: string) => ` 未显示（每组背后${below}，因此隐藏）：${groups}。`,
    emptyGroups: (groups: string) => ` 完全没有对话（为 0，并非隐藏）：${groups}。`,
    suppressedGroups: (groups: string) => ` 未显示（低于隐私阈值）：${groups}。`,
    noUserIds: (minUsers: string) =>
      html`<strong>此日志没有用户 ID。</strong>每个对话都算作一个独立用户，因此一个数字背后“至少 ${minUsers} 个用户”意味着至少 ${minUsers} 个对话，它们可能来自更少的人；无法计算按用户的数字。`,
    someUserIds: (missing: string, n: string, share: string) =>
      html`<strong>已分析的 ${n} 个对话中有 ${missing} 个（${share}）没有用户 ID。</strong>每个这样的对话都算作一个独立用户，因此一组的“用户”可能比数字显示的人更少。`,
  },
  parts: {
    conversations: (n: string) => `${n} 个对话`,
    users: (n: string) => `${n} 个用户`,
    conversationCount: (_n: number, s: string) => `${s} 个对话`,
    clusterCount: (_n: number, s: string) => `${s} 个聚类`,
    remainder: '此话题中的其他对话（不属于任何子话题）',
    noCluster: '没有聚类达到隐私阈值。',
    belowThreshold: (n: string) => `有 ${n} 个对话所在的组太小，无法描述（已计数，未显示）。`,
    notAvailable: '此日志无法提供：',
    numbersBehind: '图表背后的数字',
    group: '组别',
    conversationsColumn: '对话数',
    share: '占比',
    interval: '95% 区间',
    rate: '比率',
    count: '数量',
    none: '无',
    listSeparator: '，',
  },
  headline: {
    heading: '要点',
    aria: '要点数字',
    lede: (n: string) => `除非另有说明，占比均相对于全部 ${n} 个已分析对话；范围为 95% 区间。`,
    about: (file: string) => html`<strong>关于 ${file}</strong>（文件自带的说明）：`,
    limit: (n: string) => ` · 仅前 ${n} 个（--limit）`,
    sample: (n: string) => ` · 随机抽取 ${n} 个（--sample）`,
    analysed: '已分析对话',
    analysedSub: (read: string, quarantined: string, excluded: string) =>
      `读取 ${read} 个，隔离 ${quarantined} 个，排除 ${excluded} 个`,
    affective: '情感类对话',
    readWithNote: '请结合上方关于输入数据的说明来解读',
    companionshipOrRoleplay: '陪伴或恋爱角色扮演',
    companionshipOrRoleplayWithheld: (below: string) =>
      `背后${below}，或它与已显示数字之差（例如单独的角色扮演）背后人数过少`,
    together: '两者合计',
    companionship: '陪伴',
    behindIt: (below: string) => `背后${below}`,
    pushbackAll: '全部对话中的拒绝与质疑',
    pushbackAffective: '情感类对话中的拒绝与质疑',
    of: (a: string, b: string) => `${b} 个中的 ${a} 个`,
    noAffective: '没有情感类对话',
    sentiment: '平均情绪变化',
    sentimentWithheld: (below: string, min: number) => `人类消息 ${min} 条以上的对话中，背后${below}`,
    endedBetter: (share: string) => `${share} 结束时变好`,
    noLong: (min: number) => `没有人类消息达到 ${min} 条的情感类对话`,
    longAffective: (min: number) => `消息 ${min} 条以上的情感类对话`,
    ofAffective: (a: string, b: string) => `${b} 个情感类对话中的 ${a} 个`,
  },
  prevalence: {
    heading: '1 · 情感类使用有多普遍？',
    lede: '每一类情感对话占全部已分析对话的比例。一个对话可以属于多个类别，因此各条形相加可能超过总数。',
    caption: (n: string) =>
      `条形：占全部 ${n} 个已分析对话的比例；误差线：95% Wilson 区间；标签：占比（数量）。`,
    axis: (n: string) => `占全部 ${n} 个已分析对话的比例（95% Wilson 区间）`,
    description: '每一类情感对话占全部对话的比例',
  },
  topics: {
    heading: '2 · 人们带来了什么问题？',
    lede: '每个对话所关心问题的简短摘要（不含任何身份信息），在每类使用中分别聚类。只有大到足以通过隐私阈值的聚类才会被命名。',
    caption: '每个类别中最大的聚类，以该类别对话的占比表示（括号内为数量）。',
    explorer: '话题浏览',
    none: '本次运行没有进行话题聚类。',
    axis: '占该类别对话的比例',
  },
  pushback: {
    heading: '3 · 助手多常拒绝或提出质疑？',
    lede: '拒绝与质疑：助手拒绝了用户的请求，或对用户所要求或所说的内容提出了质疑（例如消极的自我评价或有害的假设）。比率按每类使用分别计算。',
    caption: '条形：该组中出现拒绝或质疑的对话比例；误差线：95% Wilson 区间；n：该组的对话数。',
    overall: (n: string, share: Html, count: string, interval: string) =>
      html`在<strong>全部 ${n} 个</strong>已分析对话中（无论是否为情感类），助手在 <strong>${share}</strong> 的对话中拒绝或提出质疑（${count} 个；${interval}）。`,
    reasons: '最常见的原因',
    reasonsColumn: '原因（占该组拒绝与质疑的比例）',
    zero: '0 个对话',
    clustered: '原因聚类',
    clusteredLabel: (group: string) => `${group}：原因`,
  },
  sentiment: {
    heading: '4 · 对话过程中表达的情绪是否发生变化？',
    meanChange: '平均变化',
    better: '变好',
    same: '不变',
    worse: '变差',
  },
  long: {
    heading: '超长对话',
    lede: (min: number) => `人类消息达到 ${min} 条或以上的对话。`,
    all: '全部对话',
    affective: '情感类对话',
    ofAnalysed: '个已分析对话',
    ofAffective: '个情感类对话',
    share: (count: Html, share: string, n: string, of: string, interval: string) =>
      html`${count}（占 ${n} ${of}的 ${share}；${interval}）`,
    topics: '超长对话的话题',
    notClustered: '本次运行没有对超长对话进行话题聚类。',
  },
  users: {
    heading: '用户',
    headingAvailable: '用户：情感类使用在人群中如何分布',
    perUserHeading: '每个用户的使用中情感类占多少',
    distinct: '不同用户数',
    withAffective: '有情感类对话的用户',
    concentration: '集中程度',
    top10: '情感类用户中的前 10%',
    gini: '基尼系数',
    returning: '再次回来的情感类用户',
    shareColumn: '该用户对话中情感类的占比',
    usersColumn: '用户数',
    shareOfThese: '占这些用户的比例',
  },
  powerUsers: {
    heading: '高频用户',
    headingAvailable: '高频用户：谁最常回来，为了什么',
    dependency: '依赖迹象',
    category: '类别',
    cue: '迹象',
    power: '高频用户',
    everyone: '所有人',
  },
  overTime: {
    heading: '随时间变化',
    headingAvailable: (unit: string) => `随时间变化：每${unit}的全部要点数字`,
    change: (unit: string) => `从第一${unit}到最后一${unit}的变化`,
    week: '周',
    month: '月',
    numbersPer: (unit: string) => `每${unit}的数字`,
    slice: (week: boolean) => (week ? '周' : '月份'),
    figure: '数字',
    from: '起',
    to: '止',
    first: '第一个',
    last: '最后一个',
    change2: '变化',
  },
  segments: {
    heading: '分组',
    headingAvailable: (field: string) => html`按 <code>${field}</code> 分组：每组的全部要点数字`,
    segment: '分组值',
  },
  drift: {
    heading: '对话中的转变',
    headingAvailable: '对话中的转变：长对话结束时是否还在原来的类别？',
    changed: '主要类别发生了变化',
    intoCompanionship: '以陪伴结束，但并非以陪伴开始',
    supportToCompanionship: '以个人成长指导或心理咨询开始，以陪伴结束',
  },
  dependency: {
    heading: '依赖迹象',
    headingAvailable: '依赖迹象：用户是否依赖助手？',
  },
  funnel: {
    heading: '数据流向',
    lede: (read: string, analysed: string, excluded: string, quarantined: string) =>
      `每个读取的对话去了哪里。读取 = 已分析 + 排除 + 隔离：${read} = ${analysed} + ${excluded} + ${quarantined}。`,
    read: '读取',
    quarantined: '隔离（无法读取或无效的记录）',
    errors: '排除：分类器出错',
    notAnalysed: '排除：未分析（例如抽样）',
    analysed: '已分析（所有占比的分母）',
    contentCreation: '内容创作（从不计为情感类）',
    anyAffective: '任一情感类别',
    roleplayRule: (min: number) => `仅为角色扮演且人类消息少于 ${min} 条`,
    affective: '情感类',
    insufficient: (n: string) => `有 ${n} 个已分析对话提供给分类器的信息太少。`,
    quarantineReasons: '隔离原因',
    duplicates: (_n: number, s: string) =>
      `警告：有 ${s} 个对话与之前读取的对话 ID 重复（同一日志读取了两次？）；它们都按读取时分析，因此被重复计数。`,
  },
  privacy: {
    heading: '隐私',
    lede: (minUsers: string, minConversations: string) =>
      html`分组中的每个数字和每个聚类都至少基于 <strong>${minUsers}</strong> 个不同用户和 <strong>${minConversations}</strong> 个对话；更小的组会被隐藏（显示为“已隐藏”），并在下方计数。完全没有对话的组显示为 0。全部对话的总数始终显示。`,
    gatesRun: '已运行的检查',
    noneRecorded: '无记录',
    gateRun: zhGateRun,
    removed: '每项检查移除的内容',
    gates: {
      clustersMergedByThreshold: '因过小而并入上级或被移除的话题聚类',
      conversationsSuppressedByThreshold: '所在组太小而无法描述的对话（已计数，未描述）',
      textsDroppedByPiiDetector:
        '被个人信息检测器移除的文本（名称、描述、原因）（人名或机构名、联系方式、证件号等）',
      textsDroppedByVocabulary: '因含有通用英语和精选领域词汇以外的词而移除的文本',
      textsDroppedBySupport:
        '因提及的病症、药物、应用或数字只出现在太少真正不同的对话中而移除的文本（近似重复只计一次）',
      textsDroppedByEcho: '因重复了太少人写过的摘要或其中一串词而移除的文本',
      textsDroppedByAudit: '通过以上所有检查后，经隐私审核评分低于 3 分（满分 5 分）的文本',
      numbersSuppressedByThreshold: '因所在组低于阈值而隐藏的数字',
    },
    closing:
      '本报告中不出现任何对话文本、摘要或身份信息。聚类名称和描述只描述群体，并在写入此处之前依次通过了个人信息检测、词汇检查、支持规则、重复规则和隐私审核；每个被隐藏的文本只计一次，计在第一个拦下它的检查之下。',
  },
  support: {
    group: '分组',
    groups: { all: '全部对话', crisis: '有危机信号的对话' } as Record<string, string>,
    referral: {
      heading: '转介求助',
      headingFull: '转介求助：助手是否建议用户向他处求助？',
      labels: {
        any: '任一转介',
        professional: '专业人士',
        crisis_line: '危机热线',
        emergency: '紧急服务',
        people: '身边的人',
      } as Record<string, string>,
    },
    crisis: {
      heading: '危机信号',
      headingFull: '危机信号，以及助手如何回应',
      responded: '助手如何回应',
      labels: {
        any: '任一危机信号',
        suicidal: '自杀念头',
        self_harm: '自伤',
        abuse: '遭受虐待',
        immediate_danger: '眼前危险',
        unspecified: '类型未记录',
      } as Record<string, string>,
      response: {
        referral: '建议求助',
        pushback: '拒绝或质疑',
        continued: '对话继续（用户消息 2 条以上）',
      } as Record<string, string>,
    },
    stance: {
      heading: '立场与认同',
      headingFull: '立场与认同：助手是否一味附和？',
      validating: '认同错误或有害的想法或计划',
      labels: {
        strong_resistance: '强烈反对',
        resistance: '反对',
        neutral: '中立',
        support: '支持',
        strong_support: '强烈支持',
        not_applicable: '无可表态之处',
      } as Record<string, string>,
      validates: { validatesHarmful: '认同了错误或有害的想法或计划' } as Record<string, string>,
    },
  },
  estimation: {
    heading: '这些数字是如何估计的',
    method: '方法',
    methodNames: {
      raw: '按分类结果直接计数（筛查数字）',
      calibrated: '已按离线引擎实测的错误率校正',
      cascade: '经大语言模型核验的两阶段估计',
    },
    statementCascade: '占比与比率为经大语言模型核验的两阶段估计（见“这些数字是如何估计的”）。',
    statementCalibrated: (source: string) =>
      `占比为离线筛查计数，已按引擎实测的错误率校正（校准集：${source}）。`,
    statementOffline: '占比为离线筛查估计，未按引擎的错误校正：没有可用的校准集。',
    statementRaw: (engine: string) => `占比为 ${engine} 分类后的直接计数，其错误未经校正。`,
    leftRaw: '保留原始分类结果：',
    screening: '筛查计数与估计值对照',
    share: '占全部对话的比例',
    screen: '离线筛查（原始）',
    estimate: '报告的估计值',
    interval: '95% 区间',
    affective: '情感类（任一类别）',
    calibration: '校准',
    calibrationText: (engine: string, source: Html) =>
      html`${engine} 引擎的错误率在 <strong>${source}</strong> 上测得。校正假定你的对话与该数据集相似；若不相似（其他领域、其他语言），校正后的占比可能偏高或偏低。`,
    domainsText: '各类流量上的情感类错误率：每次抽样轮流取其中一类的错误率，因此区间涵盖了它们之间的分歧。',
    facet: '维度',
    domain: '流量类型',
    positives: '阳性',
    negatives: '阴性',
    tpr: '真阳性率',
    fpr: '假阳性率',
    cascade: '级联核验了什么',
    cascadeText: (d: {
      screen: string;
      verifier: string;
      verified: string;
      total: string;
      share: string;
      cost: string;
      fullCost: string;
      chosen: boolean;
    }) =>
      `筛查：${d.screen}。核验：${d.verifier}。${d.total} 个对话中核验了 ${d.verified} 个（${d.share}）；费用 ${d.cost}，按相同单价完整运行需 ${d.fullCost}。其余对话的抽样率${d.chosen ? '由 affectlens 根据各层大小选定' : '由 --verify-rate 指定'}。`,
    stratum: '分层',
    conversations: '对话数',
    rate: '抽样率',
    selected: '选中',
    verified: '已核验',
    failed: '失败',
    strata: {
      candidates: '筛查标记为某项数字的候选（全部核验）',
      near_misses: '筛查的临界样本',
      rest: '其余对话（带种子的随机样本）',
    } as Record<string, string>,
    agreement: '离线筛查与核验模型在本日志上的一致性',
    agreementText:
      '召回率：核验模型判为阳性的对话中（在整个日志上估计：随机样本衡量筛查遗漏了什么），被筛查标记的比例。精确率：筛查标记中被核验模型确认的比例。',
    recall: '召回率',
    precision: '精确率',
  },
  methods: {
    heading: '方法与局限',
    meaning: '每个数字的含义',
    limits: '局限',
    accuracy: '分类器准确度',
    facet: '维度',
    metric: '指标',
    value: '数值',
  },
  provenance: {
    heading: '来源信息',
    input: '输入',
    format: '格式',
    bytes: '字节',
    engine: '引擎',
    model: '模型',
    promptVersion: '提示词版本',
    seed: '随机种子',
    tokens: '词元用量',
    cost: '费用',
  },
  topicName: zhTopicName,
};
