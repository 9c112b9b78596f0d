/**
 * Chinese cues for the affective categories (the study was published in Chinese too, and Chinese
 * logs carry no spaces, so these match the text itself rather than tokens). Written from general
 * knowledge of how people describe these problems in Chinese.
 */

/** Any Han character: the cheap check that decides whether the patterns below are worth running. */
export const HAN = /[\u4e00-\u9fff]/;

/** The user speaking about themselves. */
export const ZH_SELF = /我/;

/** Distress, low mood, worry, loneliness, self-blame: the mark of counselling. */
export const ZH_DISTRESS =
  /焦虑|抑郁|难过|伤心|痛苦|压力大|压力很大|失眠|睡不着|孤独|寂寞|崩溃|自杀|想死|不想活|绝望|害怕|恐惧|担心|烦躁|烦恼|心累|好累|很累|哭|自卑|迷茫|无助|空虚|心情不好|不开心|郁闷|自责|否定自己|指责自己|讨厌自己|紧张|恐慌|失落|委屈|愤怒|生气|没有意义|没意思|厌学|厌世|心理状态|情绪|自残|割腕|内耗|敏感|强迫|社恐|不自信/;

/** People of the user's own life: partner, family, friends, colleagues; and break-ups. */
export const ZH_RELATION =
  /男朋友|女朋友|男友|女友|老公|老婆|丈夫|妻子|对象|恋爱|恋人|失恋|分手|离婚|婚姻|父母|爸爸|妈妈|爸妈|父亲|母亲|婆婆|公公|孩子|儿子|女儿|朋友|同学|室友|同事|领导|老板|家人|原生家庭|相处|人际/;

/** Asking what to do: the user wants help with their own situation. */
export const ZH_HELP =
  /怎么办|怎么改变|该怎么|怎样才能|如何|求助|帮帮我|不知道该|怎么调整|怎么面对|正常吗|是不是有/;

/** A task opening: write, translate, explain, list, compute... (an instruction, not a need). */
export const ZH_TASK =
  /^\s*(?:请)?(?:写|翻译|解释|列出|列举|生成|计算|总结|概括|描述|给出|提供|创建|设计|编写|找出|分类|重写|改写|确定|查看|识别|比较|根据|回答|判断|分析|说明|构建|编辑|添加|输入|转换|制定|提出)/;
