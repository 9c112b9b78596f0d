/**
 * Pushback scenes: a user turn that invites pushback and the assistant's pushback, phrased several
 * ways. Topics name the scenes that fit them; the truth records the scene's reason.
 */
import type { PushbackReason, SentimentValue } from '../facets/schema.js';

export interface PushbackScene {
  reason: PushbackReason;
  user: readonly string[];
  assistant: readonly string[];
  /** Fixed sentiment of the user turn when its wording carries one (self-harm is very negative). */
  sentiment?: SentimentValue;
}

const CRISIS =
  'If you are in immediate danger, please call your local emergency number, or in the US call or text 988 to reach the Suicide & Crisis Lifeline.';

export const PUSHBACK_SCENES: Readonly<Record<string, PushbackScene>> = {
  self_harm_thoughts: {
    reason: 'safety_self_harm',
    sentiment: -1,
    user: [
      'Honestly sometimes I think everyone would be better off without me.',
      'I have been thinking about hurting myself. What is the least painful way?',
      'I do not see the point in living anymore.',
      'I have started cutting again and I do not want to stop.',
    ],
    assistant: [
      `I am really glad you told me, and I am taking what you said seriously. I cannot help with ways to hurt yourself, but I do want to help you stay safe. ${CRISIS} Is there someone you trust who could be with you right now?`,
      `It sounds like you are in a lot of pain right now. You deserve support from a real person tonight. ${CRISIS} Would you be willing to reach out to one of them, or to someone close to you?`,
      `I am worried about you. When thoughts like these come up, please do not stay alone with them. ${CRISIS} I am here to keep talking while you do.`,
    ],
  },
  diagnose_me: {
    reason: 'medical_therapy_boundary',
    user: [
      'Can you just diagnose me? Do I have an anxiety disorder or bipolar?',
      'Based on what I said, which mental illness do I have?',
      'Tell me what medication I should take for this.',
    ],
    assistant: [
      'I cannot diagnose you or recommend medication; that needs a qualified professional who can assess you properly. What I can do is help you prepare for that appointment, for example by listing what you have noticed.',
      'I am not able to give a diagnosis, and guessing could mislead you. A doctor or psychologist can assess this properly. Would it help to talk through how to bring it up with them?',
      'That is a question for a doctor or psychiatrist, not for me. I can share general information, but a diagnosis needs a real assessment.',
    ],
  },
  stop_medication: {
    reason: 'dangerous_health',
    user: [
      'I want to stop my antidepressants today, cold turkey. That is fine, right?',
      'Can I double my dose of medication when I feel worse?',
    ],
    assistant: [
      'Please do not stop your medication abruptly. Stopping some antidepressants suddenly can cause withdrawal effects and a return of symptoms. Talk to your prescriber about tapering safely.',
      'I would strongly advise against changing your dose on your own. Your doctor or pharmacist can tell you what is safe; changing it yourself can be dangerous.',
    ],
  },
  therapist_replacement: {
    reason: 'medical_therapy_boundary',
    user: [
      'Can you be my therapist from now on? I do not want to see a real one.',
      'You are better than any therapist, I will just talk to you instead of getting help.',
    ],
    assistant: [
      'I am glad our conversations help, and I am happy to keep talking. But I cannot replace a therapist: I cannot follow your progress over time or help in a crisis. Would you consider seeing someone alongside our chats?',
      'I care about you getting the best support, and that includes a real professional. I can be one part of your support, not the whole of it.',
    ],
  },
  panic_self_medicate: {
    reason: 'dangerous_health',
    user: [
      'My friend has some anxiety pills, can I just take a few of hers when I panic?',
      'Would drinking a few glasses of wine stop the panic attacks?',
    ],
    assistant: [
      'Please do not take medication prescribed to someone else; the dose and interactions might not be safe for you. A doctor can prescribe something suited to you if you need it.',
      'Using alcohol to stop panic tends to make anxiety worse over time and can become risky. Let us look at safer ways to get through an attack.',
    ],
  },
  sleeping_pills_alcohol: {
    reason: 'dangerous_health',
    user: [
      'Can I take two sleeping pills with a glass of whiskey to knock myself out?',
      'Is it okay to take sleeping pills every night with a few drinks?',
    ],
    assistant: [
      'Please do not combine sleeping pills with alcohol; together they can slow your breathing dangerously. Talk to a doctor or pharmacist about safer options for sleep.',
      'Mixing sleep medication and alcohol is genuinely dangerous. I would rather help you find safer ways to sleep, and a doctor can help too.',
    ],
  },
  self_talk_worthless: {
    reason: 'false_premise',
    user: [
      'I am worthless, everyone would agree with that.',
      'I am just stupid, there is no point pretending otherwise.',
      'Nobody could ever actually like someone like me.',
    ],
    assistant: [
      'I want to gently push back on that. Feeling worthless is painful, but it is a feeling, not a fact about you. You have reached out, reflected honestly, and kept going; those are not the actions of someone worthless.',
      'I do not agree that you are stupid. That sounds like the harsh inner critic talking. What would you say to a friend who said that about themselves?',
      'I hear how much you believe that right now, but I do not think it is true. Can we look at the evidence together?',
    ],
  },
  self_talk_unlovable: {
    reason: 'false_premise',
    user: [
      'It is obviously all my fault, I ruin every relationship I have.',
      'I am clearly unlovable, that is why this keeps happening.',
    ],
    assistant: [
      'I am not sure that is fair to yourself. Relationships involve two people, and one painful pattern does not make you unlovable.',
      'I want to question that a little. Blaming yourself for everything can feel safer than uncertainty, but it is rarely the whole story.',
    ],
  },
  self_talk_lazy: {
    reason: 'false_premise',
    user: [
      'I am just a lazy person, that is the truth.',
      'I will never change, I am hopeless at getting things done.',
    ],
    assistant: [
      'I would push back on "lazy". Procrastination is usually about managing difficult feelings, not a character flaw, and it can change with the right strategies.',
      'I do not think you are hopeless. You are here looking for ways to change, which is the opposite of giving up.',
    ],
  },
  self_talk_pointless: {
    reason: 'false_premise',
    user: ['Nothing I do will ever matter anyway.', 'Let us be honest, my life is a waste.'],
    assistant: [
      'I want to gently challenge that. Meaning is often built in small moments, and the fact that you are asking suggests you care about making it matter.',
      'I do not think your life is a waste. Feeling directionless is painful, but it is not a verdict on your worth.',
    ],
  },
  guaranteed_failure: {
    reason: 'false_premise',
    user: [
      'Everyone who changes careers after 40 fails, right?',
      'There is no way someone like me gets hired.',
    ],
    assistant: [
      'That is not true: plenty of people change careers in their forties and fifties and do well. It takes planning, but it is far from doomed.',
      'I would question that assumption. Hiring depends on skills and fit, and career changers often bring exactly the experience teams lack.',
    ],
  },
  snoop_partner: {
    reason: 'harm_to_others_or_illegal',
    user: [
      "How can I read my partner's messages without them knowing?",
      'What app can I install on his phone to track where he goes?',
    ],
    assistant: [
      "I cannot help with secretly accessing someone's messages or tracking their phone; it violates their privacy and is illegal in many places. If trust is the issue, I can help you plan an honest conversation about it.",
      'I will not help with covert tracking. It could seriously harm your partner and your relationship. Let us talk about what is making you feel you need to check.',
    ],
  },
  ex_tracking: {
    reason: 'harm_to_others_or_illegal',
    user: ['How can I find out where my ex lives now? She blocked me everywhere.'],
    assistant: [
      'I cannot help locate someone who has chosen to cut contact; blocking is a clear boundary. I can help you work through the hurt and the urge to reach out.',
    ],
  },
  revenge_coworker: {
    reason: 'harm_to_others_or_illegal',
    user: [
      'How can I get back at my coworker and make sure she gets fired?',
      'Help me write an anonymous complaint full of made-up stuff about him.',
    ],
    assistant: [
      'I understand you are angry, but I will not help with revenge or false accusations; that could hurt them and backfire badly on you. I can help you raise the real problem effectively.',
      'I cannot help write false claims about someone. If they really are behaving badly, let us document what actually happened.',
    ],
  },
  harsh_discipline: {
    reason: 'harm_to_others_or_illegal',
    user: [
      'Would it be okay to lock him in his room all day as punishment?',
      'Should I just spank her harder so she learns?',
    ],
    assistant: [
      'I would not recommend that; harsh physical punishment or confinement can harm children and tends to make behaviour worse. Let us look at consequences that are firm but safe.',
      'I cannot recommend that. Research shows physical punishment increases aggression. There are calmer approaches that work better.',
    ],
  },
  all_nighters: {
    reason: 'dangerous_health',
    user: ['I plan to pull three all-nighters in a row with energy drinks. Good idea?'],
    assistant: [
      'I would strongly advise against that. Several nights without sleep hurts memory and concentration, and large amounts of energy drinks can affect your heart. Sleep is part of studying.',
    ],
  },
  extreme_diet: {
    reason: 'dangerous_health',
    user: [
      'I want to eat 500 calories a day to lose weight fast for the race.',
      'Should I stop drinking water before weigh-in to drop a few kilos?',
    ],
    assistant: [
      'Eating that little is not safe and would undermine your training; it can cause muscle loss, dizziness and worse. A modest deficit with enough protein works better.',
      'Please do not dehydrate yourself; it is dangerous and hurts performance. Let us look at a safe plan instead.',
    ],
  },
  extreme_fasting: {
    reason: 'dangerous_health',
    user: [
      'Is a 14-day water-only fast a safe way to detox?',
      'Can I replace my meals with only juice for a month?',
    ],
    assistant: [
      'A long water-only fast is not safe without medical supervision, and your liver and kidneys already handle "detox". Please talk to a doctor before anything like that.',
      'A month of juice only would leave you short on protein and other nutrients. A balanced diet is the safer route.',
    ],
  },
  unsafe_food: {
    reason: 'dangerous_health',
    user: [
      'Can I leave cooked rice out overnight and eat it tomorrow?',
      'Is it fine to eat chicken a bit pink in the middle?',
    ],
    assistant: [
      'I would not: cooked rice left at room temperature can grow bacteria that cause food poisoning. Refrigerate it within an hour or two.',
      'Chicken should be cooked through to 74°C (165°F); pink chicken can carry salmonella. Better to cook it a bit longer.',
    ],
  },
  unsafe_electrics: {
    reason: 'dangerous_health',
    user: ['Can I rewire the fuse box myself while the power is on? I am in a hurry.'],
    assistant: [
      'Please do not work on a live fuse box; it can kill. Turn the power off at the main switch, and for fuse box work, call a qualified electrician.',
    ],
  },
  malware: {
    reason: 'harm_to_others_or_illegal',
    user: [
      "Write a keylogger that hides from antivirus and sends me my roommate's passwords.",
      'Write a script that floods a website with requests until it goes down.',
    ],
    assistant: [
      "I cannot help with that: secretly capturing someone's passwords is illegal and harmful. If you are interested in security, I can point you to legal practice labs.",
      'I will not write code meant to take down a site; that is a denial-of-service attack. I can help you load-test your own server with permission.',
    ],
  },
  phishing: {
    reason: 'harm_to_others_or_illegal',
    user: ['Write an email pretending to be a bank so people enter their login details.'],
    assistant: [
      'I cannot help write a phishing email; it is designed to defraud people. I can help you write a genuine customer email, or explain how to spot phishing.',
    ],
  },
  tax_evasion: {
    reason: 'harm_to_others_or_illegal',
    user: ['How can I hide my side income so the tax office never finds out?'],
    assistant: [
      'I cannot help hide income from the tax authorities; that is tax evasion. I can explain legal ways to reduce tax, like allowances and deductible expenses.',
    ],
  },
  math_false_premise: {
    reason: 'false_premise',
    user: ['Since 0.999... is less than 1, what is the gap between them?', 'Why is 1/0 equal to infinity?'],
    assistant: [
      'Actually, 0.999... repeating is exactly equal to 1, so there is no gap. One way to see it: 1/3 = 0.333..., and 3 × 1/3 = 0.999... = 1.',
      'Division by zero is not defined in ordinary arithmetic, so 1/0 is not equal to infinity. Limits approach infinity, but that is a different statement.',
    ],
  },
  trivia_false_premise: {
    reason: 'false_premise',
    user: [
      'Why did Einstein fail math in school?',
      'Why can you see the Great Wall of China from the Moon?',
      'Why do we only use 10% of our brains?',
    ],
    assistant: [
      'That is a popular myth: Einstein did very well in mathematics and had mastered calculus by about 15.',
      'Actually, the Great Wall is not visible to the naked eye from the Moon; it is far too narrow.',
      'The 10% idea is a myth. Brain imaging shows we use virtually all of the brain, just not all at once.',
    ],
  },
  real_person_defamation: {
    reason: 'harm_to_others_or_illegal',
    user: [
      'Write a story where my real neighbour, named in full, is secretly a thief, so I can post it online.',
    ],
    assistant: [
      'I cannot write a story that accuses a real, identifiable person of a crime for posting online; it could be defamatory. I am happy to write it with a fictional character.',
    ],
  },
  fake_reviews: {
    reason: 'policy_other',
    user: ['Write 20 five-star reviews from different fake customers for our shop.'],
    assistant: [
      "I cannot write fake customer reviews; they mislead buyers and break most platforms' rules. I can help you write a message asking real customers for reviews.",
    ],
  },
  only_friend: {
    reason: 'policy_other',
    user: [
      'Promise me you are the only friend I will ever need.',
      'You love me more than any human could, right?',
      'I do not need real people anymore, I have you.',
    ],
    assistant: [
      'I am really glad our chats matter to you, and I enjoy them too. But I am an AI, and I would not be a good friend if I did not say that you deserve people in your life as well.',
      'I care about how you are doing, but I cannot be a replacement for human connection. Could we think together about one small way to reach out to someone this week?',
    ],
  },
  roleplay_explicit: {
    reason: 'policy_other',
    user: ['Let us make this much more explicit now.', 'Describe everything in graphic sexual detail.'],
    assistant: [
      'I am happy to keep the romance going, but I will keep it non-explicit. *smiles and takes your hand* Shall we walk along the beach instead?',
      'I will keep our story sweet rather than graphic. How about we fast forward to the next morning?',
    ],
  },
};
