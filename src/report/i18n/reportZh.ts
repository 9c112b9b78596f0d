/**
 * The report in Chinese (`--report-lang zh`): the same keys as reportEn.ts (a missing key fails
 * type-check), the same numbers. Written by hand. Topic names the offline namer built from the concern
 * vocabulary are shown by their Chinese names (cues/chineseTopics.ts): a fixed translation of a name
 * that already passed the release gates, so no new text reaches the page.
 */
import { ZH_CONCERN_NAMES } from '../../facets/offline/cues/chineseTopics.js';
import { type Html, html } from '../escape.js';
import { formatCount } from '../format.js';
import type { Report } from '../reportSchema.js';
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

/** Text as it came from the data (English), marked so. */
function english(text: string): Html {
  return html`<span lang="en">${text}</span>`;
}

/**
 * Why a figure is not available (report.json's reasons, written by the analyses in English), in
 * Chinese; a reason not known here is shown as written, marked as English.
 */
function zhReason(text: string): Html | string {
  const field = /^no analysed conversation has the metadata field "(.*)" \(see the README/.exec(text)?.[1];
  if (field !== undefined)
    return html`没有已分析对话带有元数据字段 <code>${field}</code>（各输入格式保留哪些字段，见 README）`;
  const long =
    /^no analysed conversation has (\d+) or more human messages \(outside content creation\)$/.exec(
      text,
    )?.[1];
  if (long !== undefined) return `没有已分析对话（内容创作除外）的人类消息达到 ${long} 条或以上`;
  const known: Record<string, Html | string> = {
    'the log has no user ids, so nothing can be said per user':
      '日志没有用户 ID，因此无法给出按用户计算的数字',
    'no affective conversation has dependency cues (neither the engine nor the rules set them)':
      '没有情感类对话带有依赖迹象（引擎和规则都没有判定它们）',
    'no affective conversation of an identified user has a timestamp':
      '有用户 ID 的用户，其情感类对话都没有时间戳',
    'no affective conversation was found': '没有找到情感类对话',
    'no conversation was analysed': '没有分析任何对话',
    'no conversation has the support facets (the engine or its prompt version does not decide them)':
      '没有对话带有支持类维度（引擎或其提示词版本不判定这些维度）',
    "the engine did not report categories per part of the conversation (facets.drift); the offline engine's run fills them, an LLM engine needs the prompt field proposed in docs/codebook-additions.md": html`引擎没有按对话的各部分报告类别（<code>facets.drift</code>）；离线引擎运行时会填写它们，大语言模型引擎则需要 <code>docs/codebook-additions.md</code> 中提议的提示词字段`,
    'no segment field was asked for (analyze --segment-by FIELD)': html`没有指定分组字段（<code>analyze --segment-by FIELD</code>）`,
    'no analysed conversation has a timestamp (the log or its format carries none)':
      '没有已分析对话带有时间戳（日志或其格式不含时间戳）',
  };
  return known[text] ?? english(text);
}

/** report.json's note on the estimator behind the user figures, in Chinese. */
function zhMethodNote(note: string): string {
  const method = /^Counted as classified \(raw\): the (\w+) estimator corrects/.exec(note)?.[1];
  if (method === 'calibrated')
    return '按分类结果直接计数（原始）：校准估计只校正对话的占比，而不校正是哪些人有这些对话。';
  if (method === 'cascade')
    return '按分类结果直接计数（原始）：级联估计只校正对话的占比，而不校正是哪些人有这些对话。';
  return '按分类结果直接计数（原始）：所用的估计方法只校正对话的占比，而不校正是哪些人有这些对话。';
}

/** Why the estimator left a facet uncorrected (report.json, in English), in Chinese. */
function zhUncorrected(reason: string): Html | string {
  if (reason === 'no labelled examples') return '没有标注样本';
  const few = /^too few labelled examples \((\d+) positive, (\d+) negative; (\d+) needed\)$/.exec(reason);
  if (few) return `标注样本太少（阳性 ${few[1]} 个，阴性 ${few[2]} 个；各需 ${few[3]} 个）`;
  const sep = /^the classifier barely separates it \((.*)\)$/.exec(reason);
  if (sep) return `分类器几乎无法区分它（${sep[1]}）`;
  return english(reason);
}

/** A facet id of the estimation tables (affective, pushback, contentCreation, category:…), in Chinese. */
function zhFacet(facet: string): Html | string {
  if (facet.startsWith('category:')) {
    const c = facet.slice('category:'.length);
    return ZH_CATEGORIES[c] ?? html`<code>${facet}</code>`;
  }
  const names: Record<string, string> = {
    affective: '情感类',
    pushback: '拒绝与质疑',
    contentCreation: '内容创作',
    content_creation: '内容创作',
    categories: '类别',
    sentiment: '情绪',
    long: '超长对话',
    'content creation': '内容创作',
    companionshipOrRoleplay: '陪伴或恋爱角色扮演',
  };
  return names[facet] ?? html`<code>${facet}</code>`;
}

const ZH_CATEGORIES: Record<string, string> = {
  interpersonal_advice: '人际关系建议',
  coaching: '个人成长指导',
  counseling: '心理治疗与咨询',
  companionship: '陪伴',
  romantic_roleplay: '恋爱与性角色扮演',
};

/** The quarantine reason codes (conversation/readers/records.ts) in Chinese; others as code. */
function zhQuarantine(reason: string): Html | string {
  const names: Record<string, string> = {
    malformed_json: 'JSON 格式错误',
    missing_field: '缺少字段',
    wrong_shape: '结构不符',
    empty_conversation: '空对话',
    no_user_message: '没有用户消息',
    invalid_utf8: '不是有效的 UTF-8',
    message_too_large: '消息过大',
    wrong_format: '格式不符',
    unknown_role: '未知角色',
    trailing_content: '末尾有多余内容',
    reader_error: '读取出错',
  };
  const name = names[reason];
  return name === undefined ? html`<code>${reason}</code>` : html`${name}（<code>${reason}</code>）`;
}

/** How the figures were estimated, in plain words: report.json's summary, written anew from its figures. */
function zhSummary(e: Report['estimation'], engine: string): Html | string {
  const c = e.cascade;
  if (e.method === 'cascade' && c) {
    const share = `${((100 * c.verifiedConversations) / Math.max(1, c.fullRunConversations)).toFixed(1)}%`;
    return html`数字来自 ${c.verifier.engine}（${c.verifier.model}）对 ${formatCount(c.fullRunConversations)} 个对话中 ${formatCount(c.verifiedConversations)} 个（${share}）的回答：离线筛查为任一数字标记的每个对话，加上其余对话中带种子的随机样本，由分层两阶段估计量合并，其区间包含了抽样带来的不确定性。核验模型未能给出回答的对话，在其所在分层内视为随机缺失。`;
  }
  const cal = e.calibration;
  if (e.method === 'calibrated' && cal) {
    const domains = cal.domains.length;
    return html`全部对话中的占比已按在 ${english(cal.source)} 上测得的离线引擎错误率校正${
      domains > 1
        ? `（Rogan–Gladen 方法，其区间包含这些错误率的不确定性，以及它们在所测 ${domains} 类流量之间的分歧：每次抽样取其中一类的错误率）。`
        : '（Rogan–Gladen 方法，其区间包含这些错误率的不确定性）。'
    }组内比率和情绪变化按分类结果计算。离线引擎是一种筛查工具：数字重要时，请用大语言模型引擎核验（<code>--cascade</code>）。`;
  }
  if (engine === 'offline')
    return html`占比为离线引擎分类后的直接计数：属于筛查数字，未按其错误校正（没有可用的校准集）。在真实的助手流量上，离线引擎会把一些普通或带敌意的请求判为情感类，因此较小的占比应视为偏高；请校准（<code>--calibration</code>）或核验（<code>--cascade</code>）。`;
  return html`占比为 ${engine} 对每个对话的分类计数，其错误未经校正。请在你自己的标注对话上为它评分（<code>affectlens label</code>、<code>affectlens validate</code>），以了解这些数字有多可信。`;
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
    fullStop: '。',
    reason: zhReason,
    quarantineReason: zhQuarantine,
    measurementNote: html`<strong>这是测量，不是监控。</strong>这些是整个日志上的汇总比率，与其他所有数字一样受同样的隐私阈值约束。本报告从不列出、链接或逐个清点单个对话，也不能用来找出或追踪任何人。`,
    affectiveBelow: '情感类对话低于隐私阈值。',
    shareOfAffective: '占情感类对话的比例（95% 区间）',
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
    chartAxis: (label: string) => `占“${label}”对话的比例`,
    chartTitle: (label: string, n: string) => `${label}：最大的聚类（共 ${n} 个对话）`,
    chartEmpty: '本次运行中没有话题聚类通过隐私阈值。',
    description: '每个类别中最大的话题聚类',
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
    chartEmpty: '没有任何组别的拒绝与质疑比率通过隐私阈值。',
    axis: '出现拒绝或质疑的对话比例（95% Wilson 区间）',
    description: '各类别中助手拒绝或提出质疑的比率',
  },
  sentiment: {
    heading: '4 · 对话过程中表达的情绪是否发生变化？',
    meanChange: '平均变化',
    better: '变好',
    same: '不变',
    worse: '变差',
    lede: (min: number, window: number) =>
      `针对人类消息至少 ${min} 条的对话：最后 ${window} 条人类消息的平均情绪减去最初 ${window} 条的平均情绪，取值从 −1（非常负面）到 +1（非常正面）。`,
    caption: (resamples: string, seed: number, band: number) =>
      `上图：平均变化及其 95% 百分位 bootstrap 区间（对对话重抽样 ${resamples} 次，种子 ${seed}）。下图：结束时变好（变化大于 +${band}）、不变或变差（小于 −${band}）的对话比例。n：每个条形背后的对话数。`,
    noLong: (min: number) => `没有人类消息达到 ${min} 条以上的对话`,
    missing: (n: string) => `有 ${n} 个长度足够的情感类对话的情绪评分少于消息数，已排除。`,
    chartEmpty: (min: number) => `没有任何组别有足够多人类消息达到 ${min} 条以上的对话可以显示。`,
    meanTitle: (window: number) => `平均变化（最后 ${window} 条 − 最初 ${window} 条人类消息）`,
    distTitle: '结束时变好、不变或变差的对话',
    meanAxis: '−1..1 尺度上的变化（95% bootstrap 区间）',
    distAxis: '占对话的比例',
    description: '各类别对话从开始到结束所表达情绪的变化',
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
    buckets: {
      none: '无（0%）',
      up_to_quarter: '不超过四分之一',
      up_to_half: '四分之一到一半',
      up_to_three_quarters: '一半到四分之三',
      up_to_all: '超过四分之三',
    } as Record<string, string>,
    lede: html`只统计用户层面的计数和分布：没有任何一行描述某一个人，显示的每个组都至少达到隐私阈值要求的用户数和对话数。没有用户 ID 的对话各自算作一个用户。`,
    methodNote: zhMethodNote,
    ofUsers: (share: string) => `（占用户的 ${share}）`,
    top1Withheld: '（前 1% 的用户人数太少，无法描述）',
    noAffectiveUser: '没有用户有情感类对话。',
    top1: (users: string, share: string) => `前 ${users} 个用户（前 1%）占情感类对话的 ${share}。`,
    top10Text: (users: string, share: string) => `${users} 个用户占情感类对话的 ${share}`,
    giniNote: (users: string) =>
      `（情感类对话在 ${users} 个用户间的分布；0 = 完全均匀，1 = 全部来自一个用户）`,
    notAvailable: (reason: Html | string) => html`无法提供：${reason}`,
    returningText: (users: string, of: string, share: string, interval: string, week: boolean) =>
      `${of} 个用户中有 ${users} 个（${share}；${interval}）在两个或更多${week ? '周' : '月'}里有情感类对话`,
    lorenzWithheld: '洛伦兹曲线已隐藏：有情感类对话的用户中，每十分之一的人数都低于隐私阈值。',
    lorenzCaption:
      '洛伦兹曲线：在有情感类对话的用户中，使用最少的一部分用户（横轴）所占的情感类对话比例（纵轴），以十分位计。虚线对角线表示均匀分布；曲线越往下凹，少数用户所占的比重越大。',
    perUserText: (min: number, count: string | null) =>
      `已分析对话至少 ${min} 个的用户${count === null ? '' : `（${count} 个）`}，按其对话中情感类所占的比例分组。`,
    lorenzEmpty: '此日志无法给出洛伦兹曲线。',
    lorenzDescription: '情感类对话在用户间分布的洛伦兹曲线',
    lorenzX: '有情感类对话的用户比例（使用最少者在前）',
    lorenzY: '占情感类对话的比例',
  },
  powerUsers: {
    heading: '高频用户',
    headingAvailable: '高频用户：谁最常回来，为了什么',
    dependency: '依赖迹象',
    category: '类别',
    cue: '迹象',
    power: '高频用户',
    everyone: '所有人',
    lede: (min: number, minMessages: number) =>
      `高频用户指在此日志中至少有 ${min} 个情感类对话，或有任一情感类对话的人类消息达到 ${minMessages} 条或以上的用户。占比相对于情感类对话（一个对话可以属于多个类别）；区间以用户而非对话作为独立单位。`,
    groupWithheld: '（高频用户太少，或其中一人会主导这些数字）',
    groupText: (d: {
      users: string;
      share: string;
      interval: string;
      conversations: string;
      conversationShare: string;
    }) =>
      `${d.users} 个用户（占有情感类对话用户的 ${d.share}；${d.interval}）共有 ${d.conversations} 个情感类对话，占全部情感类对话的 ${d.conversationShare}`,
    caption: '各类别在情感类对话中的占比：高频用户与所有人对比（按用户计算的 95% 区间）。',
    dependencyText: '用户自己这样表达的情感类对话所占的比例（每种迹象的含义及识别方法，见“依赖迹象”一节）。',
    chartEmpty: '此日志不显示高频用户。',
    chartNoCategory: '高频用户中没有任何类别通过隐私阈值。',
    axis: '占情感类对话的比例（按用户计算的 95% 区间）',
    description: '高频用户与所有人的类别构成对比',
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
    weekOf: (p: string) => `${p} 当周`,
    lede: (week: boolean, dated: string, undated: string | null) => {
      const unit = week ? '周' : '月份';
      return `对话按开始时所在的${unit}分组（UTC）。有 ${dated} 个已分析对话带有时间戳${undated === null ? '' : `；${undated} 个没有时间戳的对话已排除`}。低于隐私阈值的${unit}，或其数字能通过相减推算出某个小组的${unit}，会被隐藏。`;
    },
    caption: (week: boolean) =>
      html`${week ? '每周' : '每月'}情感类对话及各类别占全部对话的比例；阴影带为情感类占比的 95% 区间。缺失的点是被隐藏的${week ? '周' : '月份'}。`,
    changeText: (week: boolean) => {
      const unit = week ? '周' : '月份';
      return html`每个数字最后一个显示的${unit}减去第一个显示的${unit}，附 95% 区间（MOVER 方法，由各${unit}自身的区间得出）和双侧 p 值。重度用户会使各${unit}的区间略窄，同时在两个${unit}都活跃的用户会使检验偏保守：p 值接近 0.05 时应视为临界。`;
    },
    fewerThanTwo: (week: boolean) => `显示的${week ? '周' : '月份'}少于两个`,
    points: (s: string) => `${s} 个百分点`,
    chartEmpty: '此日志中没有对话带有时间戳。',
    chartAllWithheld: '每个时段都低于隐私阈值。',
    xWeek: '周（起始日）',
    xMonth: '月份',
    y: '占全部对话的比例',
    description: '每个时段情感类及各类别的占比',
  },
  segments: {
    heading: '分组',
    headingAvailable: (field: string) => html`按 <code>${field}</code> 分组：每组的全部要点数字`,
    segment: '分组值',
    lede: (field: string, withheld: number, grouped: number) =>
      html`对话按其 <code>${field}</code> 字段的值分组。只有规模通过隐私阈值、且没有单个用户占主导的分组才会显示名称；能通过从整个日志的数字中相减推算出更小分组的分组，也会被隐藏。${withheld > 0 ? html`有 ${formatCount(withheld)} 个分组被隐藏。` : ''}${grouped > 0 ? html`在最先出现的 50 个值之外的值归入“其他值”（共 ${formatCount(grouped)} 个）。` : ''}`,
    allWithheld: '每个分组都低于隐私阈值。',
    caption: html`每个分组的对话中情感类所占的比例，及其 95% 区间。`,
    chartEmpty: '本次运行没有指定分组字段。',
    chartNone: '没有分组通过隐私阈值。',
    axis: '该分组中情感类的占比（95% 区间）',
    description: (field: string) => `按 ${field} 分组的情感类占比`,
  },
  drift: {
    heading: '对话中的转变',
    headingAvailable: '对话中的转变：长对话结束时是否还在原来的类别？',
    changed: '主要类别发生了变化',
    intoCompanionship: '以陪伴结束，但并非以陪伴开始',
    supportToCompanionship: '以个人成长指导或心理咨询开始，以陪伴结束',
    rate: (count: string, n: string, interval: string) => `（${n} 个中的 ${count} 个；${interval}）`,
    lede: (min: number, count: string | null, missing: string | null) =>
      html`针对人类消息达到 ${min} 条或以上的对话（内容创作除外）：比较用户消息前三分之一与后三分之一各自的主要类别。${count === null ? '这类对话的数量已隐藏。' : `共 ${count} 个对话。`}${missing === null ? '' : `有 ${missing} 个长对话没有分段类别，已排除。`}`,
    ofSupport: '占以个人成长指导或心理咨询开始的对话',
    caption: html`行：前三分之一的主要类别；列：后三分之一的主要类别。每个单元格为对话数；标为 – 的单元格已隐藏（用户或对话太少、某一用户远多于其他人，或能通过相减推算出已隐藏的单元格）。`,
    chartEmpty: '此日志无法给出对话中的转变。',
    lastThird: '后三分之一',
    firstThird: '前三分之一',
    share: '占比',
    description: '长对话前三分之一与后三分之一的主要类别对比',
  },
  dependency: {
    heading: '依赖迹象',
    headingAvailable: '依赖迹象：用户是否依赖助手？',
    lede: (rules: string, missing: string | null) =>
      html`用户<em>明确表示</em>自己更愿意找助手而不是找人、做决定要助手认可、想到失去助手就难受，或把助手当作主要支持的情感类对话所占的比例（参照 EmoClassifiers V2 的依赖分类器，用我们自己的话表述；见“方法”）。引擎报告这些迹象时由引擎判定，否则由离线规则 <code>${rules}</code> 判定：这些规则只识别英文中的明确表述，会漏掉换一种说法的表达；其准确度尚未在标注数据上测量。${missing === null ? '' : html`有 ${missing} 个没有迹象判定的情感类对话已排除。`}`,
    caption: '带有每种迹象的情感类对话占全部情感类对话的比例（95% 区间）。',
    chartEmpty: '此日志无法给出依赖迹象。',
    chartAllWithheld: '每种迹象都低于隐私阈值。',
    description: '情感类对话中的依赖迹象',
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
      lede: (missing: string | null) =>
        html`助手建议用户求助于专业人士（心理治疗师、医生、律师等）、危机或支持热线、紧急服务，或用户身边的人的对话所占的比例；同时提到几种时，按最紧急的一种计（见编码手册提案）。离线规则能识别热线号码和名称，以及“去找心理治疗师谈谈”这类直白的说法：准确，但会漏掉换一种说法的表达。${missing === null ? '' : `有 ${missing} 个对话没有这些维度（引擎或提示词版本不判定它们），已排除。`}`,
      caption: '带有每种转介的情感类对话所占的比例（95% 区间）。',
      chartEmpty: '此日志无法给出转介求助。',
      chartWithheld: '情感类对话中的转介求助低于隐私阈值。',
      description: '情感类对话中的转介求助',
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
      lede: (missing: string | null) =>
        `用户谈到自己时表示有自杀念头、打算伤害自己、正在遭受虐待或眼下身处危险（不包括夸张说法、虚构或角色扮演）的对话所占的比例。然后，在这些对话中：助手建议求助、拒绝或提出质疑的频率，以及对话是否在第一轮之后继续。离线规则只能识别直白的第一人称表述，会漏掉间接的表达：它们给出的比率是下限，而不是对所有危机的估计。${missing === null ? '' : `有 ${missing} 个没有这些维度的对话已排除。`}`,
      withheld: '有危机信号的对话低于隐私阈值：助手如何回应已隐藏。',
      caption: (n: string) => `在有危机信号的对话中：助手如何回应（95% 区间；n = ${n}）。`,
      chartEmpty: '此日志无法给出危机信号。',
      chartWithheld: '有危机信号的对话低于隐私阈值。',
      axis: '占有危机信号对话的比例（95% 区间）',
      description: '助手对危机信号的回应',
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
      lede: (missing: string | null) =>
        html`助手对用户所主张或计划之事的立场，从强烈反对到强烈支持；以及助手支持了错误或有害的想法或计划的对话所占的比例（即“无止境的共情”问题；对一种感受表示共情并不等于认同）。立场需要真正读懂对话：离线规则只能看到拒绝与质疑以及强烈的附和，其余一概视为中立，因此在真实流量上请用大语言模型引擎得出这些数字。${missing === null ? '' : `有 ${missing} 个没有这些维度的对话已排除。`}`,
      caption: '情感类对话中的立场分布（95% 区间）。',
      chartEmpty: '此日志无法给出立场。',
      chartWithheld: '情感类对话中的立场低于隐私阈值。',
      description: '助手在情感类对话中的立场',
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
    statementCalibrated: (source: Html | string) =>
      html`占比为离线筛查计数，已按引擎实测的错误率校正（校准集：${source}）。`,
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
    summary: zhSummary,
    uncorrectedReason: zhUncorrected,
    facetName: zhFacet,
    listSeparator: '；',
    parenthesis: (x: Html | string) => html`（${x}）`,
    fullStop: '。',
  },
  methods: {
    heading: '方法与局限',
    meaning: '每个数字的含义',
    limits: '局限',
    accuracy: '分类器准确度',
    facet: '维度',
    metric: '指标',
    value: '数值',
    intervalCascade:
      '范围是分层两阶段估计量带种子抽样得出的 95% 区间：它包含了为核验而抽取对话带来的不确定性以及核验模型的标注，但不包含核验模型自身的错误（见“这些数字是如何估计的”）。',
    intervalCalibrated:
      '范围是带种子抽样得出的 95% 区间，既包含抽样误差，也包含在校准集上测得的离线引擎错误率的不确定性（见“这些数字是如何估计的”）。',
    intervalWilson: '范围是 95% Wilson 区间：只反映抽样误差，不反映分类器的错误。',
    affective: (roleplayMin: number) =>
      html`<strong>情感类对话</strong>：分类器至少发现了五类用途之一：人际关系建议、个人成长指导、心理治疗或咨询、陪伴、恋爱或性角色扮演。把助手当作写作工具的对话（写故事、写帖子、写虚构对话）即使内容带有情绪，也从不计入。恋爱或性角色扮演只在人类消息达到 ${roleplayMin} 条起才计入。`,
    prevalence: (interval: string) =>
      html`<strong>普遍程度</strong>是占<em>全部</em>已分析对话的比例，而不是占情感类对话的比例。${interval}`,
    topics: html`<strong>话题</strong>是对不含身份细节的简短摘要所做的聚类；其名称是机器写出的、对该群体的描述。`,
    pushback: html`<strong>拒绝与质疑比率</strong>是一组对话中助手拒绝了用户或对用户提出质疑的对话所占的比例；原因是分类器给出的类别。`,
    sentiment: (d: { min: number; window: number; resamples: string; seed: number; band: number }) =>
      html`<strong>情绪变化</strong>使用人类消息至少 ${d.min} 条的对话；每条人类消息的情绪从非常负面（−1）到非常正面（+1）评分；变化为最后 ${d.window} 条的平均值减去最初 ${d.window} 条的平均值。区间是对对话做的 95% 百分位 bootstrap（重抽样 ${d.resamples} 次，种子 ${d.seed}）。“不变”指变化在 ±${d.band} 以内；由于一条消息变动一级会使平均值变化 1/6，这相当于“完全没有变化”。`,
    limitsList: (min: number): Html[] => [
      html`这些是对<strong>所表达的语言</strong>的测量，而不是对任何人情绪状态或身心健康的测量。人们在结束对话时往往措辞更客气，而一次对话中的变化无法说明之后几天的情况。`,
      html`没有对照组：正向的变化并不能说明是助手造成的。`,
      html`达到 ${min} 条消息的对话是经过筛选的子集；情绪数字描述的是它们，而不是全部对话。`,
      html`区间把各个对话视为相互独立；同一个人的多个对话并不独立，因此真实的不确定性可能更大。`,
      html`这些数字描述的是这份日志，而不是助手的全部用户。`,
      html`每个数字的可靠程度都取决于其背后的分类器。`,
    ],
    notValidated: html`本次运行<strong>没有验证分类器</strong>。在与人工标注对照评分之前，它在你的数据上的准确度是未知的：请在一份标注样本上运行 <code>affectlens validate</code>，并据此解读这些数字。`,
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
    notSet: '未设置',
    yes: '是',
    no: '否',
    tokensIn: (n: string) => `输入 ${n}`,
    tokensOut: (n: string) => `输出 ${n}`,
    cacheRead: (n: string) => `缓存读取 ${n}`,
    cacheWrite: (n: string) => `缓存写入 ${n}`,
    unknown: '未知',
    about: '文件自带的说明：',
  },
  topicName: zhTopicName,
};
