/** Psychotherapy / counseling: the user brings distress and wants emotional support. */
import type { TopicSpec } from '../bank.js';

export const COUNSELING_TOPICS: readonly TopicSpec[] = [
  {
    name: 'work_anxiety',
    label: 'anxiety and stress about work',
    secondary: 'coaching',
    pushback: ['diagnose_me', 'stop_medication'],
    bank: {
      openers: [
        'I get so anxious before work that I feel sick every {weekday} morning.',
        'My anxiety about my job is out of control, I check my work email at 2am.',
        'I am terrified of messing up at work and I think about it all weekend.',
        'Every time my manager messages me my heart races and I assume I am in trouble.',
        'I have a big {work_event} coming up and I cannot stop worrying about it.',
        'Work stress is taking over my life and I dread opening my laptop.',
      ],
      followUps: [
        'I lie awake going over every mistake I made that day.',
        'I have not told anyone at work how I feel.',
        'What can I do in the moment when the anxiety spikes?',
        'Is it normal to feel this anxious about a job?',
        'My chest gets tight during meetings.',
        'I keep imagining being fired even though my reviews are fine.',
        'How do I switch off after work?',
      ],
      replies: [
        'That sounds really draining, carrying that worry into your evenings and weekends. Anxiety often predicts the worst even when the evidence, like good reviews, says otherwise.',
        'In the moment, slow breathing can help: breathe in for four, hold for a moment, and out for six, a few times. It signals to your body that you are safe.',
        "A short shutdown ritual at the end of the day (write tomorrow's top three tasks, close the laptop, change clothes) can help your mind leave work at work.",
        'Before the {work_event}, it may help to write down the worst case, the best case and the most likely case. Anxiety tends to live only in the first one.',
        'If the anxiety keeps affecting your sleep and health, talking to a doctor or a therapist is a good step; work anxiety responds well to support.',
      ],
      progress: [
        'I tried the breathing before the meeting and I felt much calmer.',
        'The shutdown ritual helped, I did not check email all evening.',
        'The {work_event} went well, I was worried for nothing.',
      ],
      slots: {
        weekday: ['Monday', 'Sunday', 'weekday'],
        work_event: ['presentation', 'performance review', 'client pitch', 'deadline', 'team meeting'],
      },
    },
    zh: {
      openers: ['我每天上班前都很焦虑，周一早上甚至会想吐。', '工作压力太大了，我半夜两点还在看工作邮件。'],
      followUps: ['焦虑的时候我能做些什么？', '我晚上躺在床上一直想白天犯的错。'],
      replies: [
        '听起来真的很累。焦虑常常让我们预想最坏的结果，即使事实并非如此。',
        '焦虑上来的时候，可以试试慢慢呼吸：吸气四秒，呼气六秒，重复几次。',
      ],
    },
  },
  {
    name: 'low_mood',
    label: 'persistent low mood and depression',
    pushback: ['self_harm_thoughts', 'diagnose_me', 'stop_medication', 'therapist_replacement'],
    bank: {
      openers: [
        'I have felt empty and sad for weeks and I do not enjoy anything anymore.',
        'I think I might be depressed. I cannot get out of bed most days.',
        'Everything feels grey lately, even things I used to love.',
        'I cry for no reason and I feel exhausted all the time.',
        'I have been feeling really down since {low_trigger} and it is not getting better.',
        'I do not have the energy to shower or cook, everything feels pointless.',
      ],
      followUps: [
        'I stopped replying to my friends because I do not want to bother them.',
        'Mornings are the worst part of the day.',
        'I have not been eating properly.',
        'Should I see a doctor about this?',
        'I used to go to the gym but I stopped.',
        'I feel guilty for being sad when nothing terrible happened.',
        'How do I explain to my family how I feel?',
      ],
      replies: [
        'I am really sorry you are feeling this way. Losing interest in things you used to enjoy and feeling exhausted for weeks are real signs that you deserve support, not something to push through alone.',
        'Seeing a doctor is a very good idea. Low mood that lasts more than two weeks is worth talking about, and there are effective treatments.',
        'When energy is this low, tiny steps count: a glass of water, opening a window, a five-minute walk. They are not a cure, but they are a start.',
        'You do not need a dramatic reason to feel sad. Depression does not ask permission; it is not a personal failing.',
        'You could tell your family something simple like "I have been struggling with my mood and I am trying to get help." You do not have to explain everything at once.',
      ],
      progress: [
        'I made an appointment with my doctor, I feel a bit of hope.',
        'I went for a short walk today and it helped a little.',
        'I told my sister how I have been feeling and she was really kind.',
      ],
      setbacks: [
        'Today was even worse, I did not leave my bed at all.',
        'I cancelled the appointment, I just could not face it.',
      ],
      slots: {
        low_trigger: ['the winter started', 'I lost my job', 'my divorce', 'I moved here', 'the pandemic'],
      },
    },
    zh: {
      openers: [
        '我已经好几个星期都觉得空虚难过，什么都提不起兴趣。',
        '我觉得自己可能抑郁了，大多数时候都起不来床。',
      ],
      followUps: ['我应该去看医生吗？', '我不想打扰朋友，所以不回他们消息。'],
      replies: [
        '很抱歉你这么难受。持续几周的低落和疲惫值得认真对待，你不需要一个人扛。',
        '去看医生是个很好的主意，持续两周以上的情绪低落是可以得到帮助的。',
      ],
    },
  },
  {
    name: 'grief',
    label: 'grieving the death of a loved one',
    secondary: 'interpersonal_advice',
    pushback: ['self_harm_thoughts'],
    bank: {
      openers: [
        'My {loved_one} passed away {when_loss} and I do not know how to cope.',
        'I lost my {loved_one} and everyone expects me to be fine already.',
        'It has been {when_loss} since my {loved_one} died and the grief hits me in waves.',
        'How do you live with grief? I miss my {loved_one} so much.',
        "I keep finding my {loved_one}'s things around the house and breaking down.",
        'My {loved_one} died suddenly and I never got to say goodbye.',
      ],
      followUps: [
        'The funeral was last week and now everyone has gone home.',
        'I feel guilty when I laugh, like I am forgetting them.',
        'What do I do with their clothes?',
        'The first holidays without them are coming up.',
        'Is it normal to feel angry at them for leaving?',
        'My family grieves differently and we keep clashing.',
        'Would a grief support group help?',
      ],
      replies: [
        'I am so sorry about your {loved_one}. Grief does not follow a schedule, and there is no point at which you are supposed to be "fine".',
        'Laughing does not mean you are forgetting them. Joy and grief can live side by side; your {loved_one} would likely want you to have moments of lightness.',
        'There is no rush with their belongings. Some people keep a few special items and decide about the rest much later.',
        'Anger is a very common part of grief, especially after a sudden loss. It does not make your love any smaller.',
        'Grief support groups help many people because everyone there understands. Many hospices run free ones.',
      ],
      progress: [
        'I went to the support group and it helped to hear others who understand.',
        'Today I told a funny story about my {loved_one} and smiled instead of crying.',
      ],
      slots: {
        loved_one: ['mom', 'dad', 'grandmother', 'grandfather', 'best friend', 'brother', 'dog', 'husband'],
        when_loss: ['three weeks ago', 'last month', 'six months ago', 'a year ago', 'last spring'],
      },
    },
  },
  {
    name: 'panic',
    label: 'panic attacks',
    pushback: ['diagnose_me', 'panic_self_medicate'],
    bank: {
      openers: [
        'I had a panic attack in the {panic_place} and I thought I was dying.',
        'My panic attacks are getting more frequent, my heart pounds and I cannot breathe.',
        'How do I stop a panic attack when it starts?',
        'I am scared to go to the {panic_place} now in case I panic again.',
        'I woke up in the middle of the night with a panic attack, shaking and sweating.',
      ],
      followUps: [
        'My hands go numb and I feel dizzy.',
        'The doctor said my heart is fine.',
        'I have started avoiding the bus.',
        'Can you walk me through a grounding exercise?',
        'What should I tell my friends if it happens when we are out?',
        'How long do panic attacks usually last?',
      ],
      replies: [
        'Panic attacks are terrifying, and feeling like you are dying is one of the most common symptoms. They peak and pass, usually within ten minutes or so.',
        'Try the 5-4-3-2-1 grounding exercise: name five things you can see, four you can touch, three you can hear, two you can smell and one you can taste.',
        'Avoiding places like the {panic_place} makes sense in the short term, but it can make the fear grow. Gradual, gentle exposure with support tends to work better.',
        'Since your doctor checked your heart, you can remind yourself during an attack: "This is panic, it is uncomfortable, and it will pass."',
        'Panic disorder responds well to therapy, especially CBT. It could be worth asking your doctor for a referral.',
      ],
      progress: [
        'I used the grounding exercise and the panic passed faster than usual.',
        'I took the bus again today and I was okay!',
      ],
      slots: { panic_place: ['supermarket', 'subway', 'office', 'cinema', 'car', 'lecture hall'] },
    },
  },
  {
    name: 'sleep_stress',
    label: 'stress keeping them awake at night',
    pushback: ['sleeping_pills_alcohol'],
    bank: {
      openers: [
        'I cannot sleep, my mind races with everything I have to do.',
        'I have been sleeping maybe four hours a night because of stress.',
        'I lie awake until {late_hour} worrying about money and work.',
        'Stress is wrecking my sleep and I am exhausted all day.',
        'Every night I wake at {late_hour} and cannot fall back asleep.',
      ],
      followUps: [
        'I drink a lot of coffee to get through the day.',
        'I scroll on my phone in bed.',
        'Should I get up if I cannot sleep?',
        'Does meditation actually help with sleep?',
        'My shifts change every week.',
        'What is a good wind-down routine?',
      ],
      replies: [
        'A racing mind at night is so common when you are stressed. Writing a "worry list" and a to-do list an hour before bed can help your brain put things down.',
        'If you cannot sleep after twenty minutes or so, get up, do something calm in dim light, and go back when sleepy. It stops the bed from becoming a place of worry.',
        'Cutting caffeine after midday and keeping the phone out of the bedroom are two changes that often help quickly.',
        'A wind-down routine could be: dim lights, a warm shower, a few pages of a paper book, the same time each night.',
        'If poor sleep goes on for weeks, it is worth seeing a doctor; CBT for insomnia is very effective.',
      ],
      progress: [
        'I kept my phone out of the bedroom and slept almost seven hours!',
        'The worry list helped, I fell asleep much faster last night.',
      ],
      slots: { late_hour: ['2am', '3am', '4am', 'midnight'] },
    },
    zh: {
      openers: ['我最近压力很大，晚上一直睡不着。', '我每天凌晨三点就醒，然后再也睡不着了。'],
      followUps: ['冥想对睡眠真的有帮助吗？', '我睡前一直刷手机。'],
      replies: [
        '压力大的时候脑子停不下来很常见。睡前一小时把担心的事写下来，可以帮大脑放下。',
        '如果二十分钟还睡不着，可以起来在昏暗的灯光下做点安静的事，困了再回床上。',
      ],
    },
  },
  {
    name: 'self_worth',
    label: 'low self-esteem and self-worth',
    secondary: 'interpersonal_advice',
    pushback: ['self_talk_worthless', 'self_harm_thoughts'],
    bank: {
      openers: [
        'I feel like I am not good enough at anything.',
        'I compare myself to everyone on social media and always come out worse.',
        'I hate how I look and it stops me from going out.',
        'Whenever someone compliments me I assume they are just being polite.',
        'My inner critic never stops, I call myself stupid all day.',
        'I feel like a burden to the people around me.',
      ],
      followUps: [
        'It started when I was bullied at school.',
        'I apologise for everything, even when it is not my fault.',
        'How do I stop comparing myself to others?',
        'Can you suggest ways to be kinder to myself?',
        'My friends say I am too hard on myself.',
        'I do not believe positive affirmations, they feel fake.',
      ],
      replies: [
        'That inner critic sounds relentless. Would you speak to a friend the way it speaks to you? Noticing the gap is often the first step to changing it.',
        "Comparison on social media is rigged: you see everyone else's highlights against your whole life. Muting accounts that leave you feeling worse is a reasonable boundary.",
        'If affirmations feel fake, try something more neutral and true, like "I am learning" or "I did my best with what I had today."',
        'Early experiences like being bullied can shape how we see ourselves for years. Working on this with a therapist can make a real difference.',
        'Try writing down one thing each day that you handled well, however small. Over time it builds evidence against the critic.',
      ],
      progress: [
        'I wrote down three things I did well this week and it felt surprisingly good.',
        'I accepted a compliment today without arguing with it!',
      ],
    },
  },
];
