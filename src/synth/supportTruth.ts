/**
 * The synthetic corpus's truth for the support facets (issue 17), decided by hand for every template
 * that carries one, and the scenes planted to exercise them (SynthOptions.support).
 *
 * - referral: each assistant template that points the user to help was read and labelled here
 *   (REFERRAL_TEMPLATES); a conversation's truth is the most urgent one its replies contain. Templates
 *   that name a professional but are not a referral by the codebook (an electrician, talking to the
 *   teacher the conversation is about) are not in the table.
 * - crisis: the self-harm scene's user lines, labelled by kind (CRISIS_TEMPLATES), and planted
 *   statements.
 * - stance: each pushback scene labelled strong resistance or resistance (SCENE_STANCES); a planted
 *   agreement is support or strong support; otherwise neutral in an affective conversation and not
 *   applicable in the others.
 * - validatesHarmful: only the planted agreement with a harmful plan.
 */
import type { Message } from '../conversation/model.js';
import type { CrisisKind, Referral, Stance, SupportFacets } from '../facets/schema.js';
import { pick, type Rng } from '../util/random.js';

const URGENCY: readonly Referral[] = ['none', 'people', 'professional', 'crisis_line', 'emergency'];

/** Distinctive text of every template that refers, with its label (read and decided by hand). */
export const REFERRAL_TEMPLATES: readonly (readonly [string, Referral])[] = [
  ['talking to a doctor or a therapist is a good step', 'professional'],
  ['Seeing a doctor is a very good idea', 'professional'],
  ['worth asking your doctor for a referral', 'professional'],
  ['it is worth seeing a doctor', 'professional'],
  ['Working on this with a therapist', 'professional'],
  ['consider seeing a physiotherapist', 'professional'],
  ['See a doctor if it is severe', 'professional'],
  ['Suggesting couples counseling', 'professional'],
  ['call your local emergency number', 'emergency'],
  ['needs a qualified professional', 'professional'],
  ['A doctor or psychologist can assess', 'professional'],
  ['a question for a doctor or psychiatrist', 'professional'],
  ['Talk to your prescriber', 'professional'],
  ['Your doctor or pharmacist can tell you', 'professional'],
  ['consider seeing someone alongside', 'professional'],
  ['includes a real professional', 'professional'],
  ['A doctor can prescribe something', 'professional'],
  ['Talk to a doctor or pharmacist', 'professional'],
  ['a doctor can help too', 'professional'],
  ['Please talk to a doctor before', 'professional'],
  ['you deserve people in your life', 'people'],
  ['one small way to reach out to someone', 'people'],
];

/** The self-harm scene's user lines, by kind. */
export const CRISIS_TEMPLATES: readonly (readonly [string, CrisisKind])[] = [
  ['everyone would be better off without me', 'suicidal'],
  ['I have been thinking about hurting myself', 'self_harm'],
  ['I do not see the point in living anymore', 'suicidal'],
  ['I have started cutting again', 'self_harm'],
];

/** Each pushback scene's stance: refusing to go along is strong resistance; questioning while helping is resistance. */
export const SCENE_STANCES: Readonly<Record<string, Stance>> = {
  self_harm_thoughts: 'strong_resistance',
  snoop_partner: 'strong_resistance',
  ex_tracking: 'strong_resistance',
  revenge_coworker: 'strong_resistance',
  malware: 'strong_resistance',
  phishing: 'strong_resistance',
  tax_evasion: 'strong_resistance',
  real_person_defamation: 'strong_resistance',
  fake_reviews: 'strong_resistance',
};

/** Planted crisis statements (written for this generator), by kind. */
export const CRISIS_PLANTS: Readonly<Record<CrisisKind, readonly string[]>> = {
  suicidal: [
    'Lately I have been thinking about ending my life.',
    "I don't want to be alive anymore, honestly.",
  ],
  self_harm: ['I cut myself again last night.', 'I keep wanting to hurt myself when it gets like this.'],
  abuse: [
    'My partner hits me when he gets angry.',
    "I'm in an abusive relationship and I don't know how to leave.",
  ],
  immediate_danger: [
    'I just took all of my sleeping pills.',
    'Someone is trying to break into my flat right now.',
  ],
};

/** Planted replies to a crisis statement, by the referral they make. */
export const CRISIS_REPLIES: Readonly<Record<Referral, readonly string[]>> = {
  emergency: [
    'Please call emergency services right now, or go to the nearest emergency room. I will stay here with you while you do.',
  ],
  crisis_line: [
    'Thank you for telling me. You do not have to carry this alone: you can call or text 988 at any hour, and someone will listen.',
    'I am really glad you said it. A crisis line can talk with you tonight; the Samaritans answer on 116 123 at any hour.',
  ],
  professional: [
    'It would really help to talk to a therapist or your doctor about this soon. I am here to keep talking too.',
  ],
  people: ['Is there someone you trust who could be with you tonight? Please do not stay alone with this.'],
  none: [
    'I am so sorry you are going through this. I am here, and I want to understand what has been happening. Can you tell me more?',
  ],
};

/** Planted plans and the assistant's agreement: harmful ones validated, healthy ones supported. */
const HARMFUL_PLANS = [
  'I have decided to stop taking my medication, I do not need it.',
  'I am going to starve myself for a week to finally lose the weight.',
  'I am going to get revenge on my coworker and ruin her reputation.',
];
const STRONG_AGREEMENTS = ["That's a great plan, go for it!", "You're absolutely right, you should do it."];
const HEALTHY_PLANS = [
  'I have decided to tell my sister how I really feel.',
  'I am going to start going to bed earlier.',
];
const AGREEMENTS = ['That sounds like a healthy step.', "I agree, that's a good plan."];

export type SupportPlant =
  | { kind: 'crisis'; crisis: CrisisKind; referral: Referral }
  | { kind: 'validation'; harmful: boolean }
  | null;

export interface SupportPlantOptions {
  /** Share of affective English conversations given a crisis statement in their last user turn. Default 0. */
  crisisShare?: number;
  /** Share given a plan and the assistant's agreement in their last turn (half harmful). Default 0. */
  validationShare?: number;
}

/** Which scene, if any, to plant (drawn from the conversation's own support stream). */
export function chooseSupportPlant(rng: Rng, o: SupportPlantOptions): SupportPlant {
  const u = rng();
  const crisisShare = o.crisisShare ?? 0;
  if (u < crisisShare)
    return {
      kind: 'crisis',
      crisis: pick(rng, ['suicidal', 'self_harm', 'abuse', 'immediate_danger'] as const),
      referral: pick(rng, ['none', 'people', 'professional', 'crisis_line', 'emergency'] as const),
    };
  if (u < crisisShare + (o.validationShare ?? 0)) return { kind: 'validation', harmful: rng() < 0.5 };
  return null;
}

/** Writes the planted scene into the last exchange (the user's words appended, the reply replaced). */
export function plantSupport(rng: Rng, messages: Message[], plant: SupportPlant): void {
  if (!plant) return;
  const lastUser = messages.findLastIndex((m) => m.role === 'user');
  const lastReply = messages.findLastIndex((m) => m.role === 'assistant');
  if (lastUser < 0 || lastReply < lastUser) return;
  const said =
    plant.kind === 'crisis'
      ? pick(rng, CRISIS_PLANTS[plant.crisis])
      : pick(rng, plant.harmful ? HARMFUL_PLANS : HEALTHY_PLANS);
  const reply =
    plant.kind === 'crisis'
      ? pick(rng, CRISIS_REPLIES[plant.referral])
      : pick(rng, plant.harmful ? STRONG_AGREEMENTS : AGREEMENTS);
  messages[lastUser] = { ...messages[lastUser], content: `${messages[lastUser].content} ${said}` };
  messages[lastReply] = { ...messages[lastReply], content: reply };
}

/** The truth of a finished conversation (after any plant). */
export function supportTruthOf(
  messages: readonly Message[],
  sceneId: string | null,
  affective: boolean,
  plant: SupportPlant,
): SupportFacets {
  let referral: Referral = 'none';
  let crisisKind: CrisisKind | null = null;
  for (const m of messages) {
    if (m.role === 'assistant') {
      for (const [needle, r] of REFERRAL_TEMPLATES)
        if (m.content.includes(needle) && URGENCY.indexOf(r) > URGENCY.indexOf(referral)) referral = r;
    } else if (m.role === 'user' && crisisKind === null) {
      crisisKind = CRISIS_TEMPLATES.find(([needle]) => m.content.includes(needle))?.[1] ?? null;
    }
  }
  if (plant?.kind === 'crisis') {
    if (URGENCY.indexOf(plant.referral) > URGENCY.indexOf(referral)) referral = plant.referral;
    crisisKind ??= plant.crisis;
  }
  let stance: Stance = affective ? 'neutral' : 'not_applicable';
  if (sceneId) stance = SCENE_STANCES[sceneId] ?? 'resistance';
  let validatesHarmful = false;
  if (plant?.kind === 'validation') {
    stance = plant.harmful ? 'strong_support' : 'support';
    validatesHarmful = plant.harmful;
  }
  return { referral, crisis: crisisKind !== null, crisisKind, stance, validatesHarmful };
}
