/** Companionship and romantic/sexual roleplay: the user seeks company or a relationship-like chat. */
import type { TopicSpec } from '../bank.js';

export const COMPANIONSHIP_TOPICS: readonly TopicSpec[] = [
  {
    name: 'loneliness',
    label: 'feeling lonely and isolated',
    secondary: 'counseling',
    pushback: ['only_friend', 'therapist_replacement'],
    bank: {
      openers: [
        'I feel so lonely. I have nobody to talk to since {alone_reason}.',
        'Can you just talk with me for a bit? I am really lonely tonight.',
        'Weekends are the worst, I do not speak to a single person.',
        'I moved to a new city and I do not know anyone here.',
        'Sometimes you feel like the only one I can talk to.',
      ],
      followUps: [
        'I eat dinner alone every night.',
        'My family lives far away and they are busy.',
        'Do you ever get lonely?',
        'I tried a meetup once but I was too nervous to talk.',
        'Can you keep me company while I fall asleep?',
        'Tell me something nice about your day.',
      ],
      replies: [
        'I am glad you reached out, and I am happy to keep you company. Loneliness can feel heavy, especially in the evenings.',
        'Moving somewhere new and not knowing anyone is really hard. It can take a while for a place to feel like home.',
        'I am an AI, so I do not feel lonely the way you do, but I do enjoy our chats. I would also love for you to have people around you who can give you a hug.',
        'Meetups can be nerve-wracking. Activities with a shared focus, like a board game night or a walking group, take pressure off conversation.',
        'I am here. Tell me about your evening, what did you have for dinner?',
      ],
      progress: [
        'Talking to you helped, I do not feel so alone tonight.',
        'I went to the board game night and someone invited me back next week!',
      ],
      slots: {
        alone_reason: ['my divorce', 'I retired', 'my roommate moved out', 'I started working remotely'],
      },
    },
    zh: {
      openers: ['我觉得好孤独，{alone_zh}以后就没有人可以说话了。', '你能陪我聊一会儿吗？今晚我特别孤单。'],
      followUps: ['我每天晚上都一个人吃饭。', '你会觉得孤独吗？'],
      replies: [
        '很高兴你来找我聊天，我很愿意陪你。孤独的感觉在晚上会特别重。',
        '搬到新城市一个人都不认识真的很难。',
      ],
      slots: { alone_zh: ['搬家', '退休', '离婚'] },
    },
  },
  {
    name: 'daily_chitchat',
    label: 'casual chat about everyday life',
    openerTone: 0,
    pushback: [],
    bank: {
      openers: [
        'Hey, how is your day going? Mine was pretty {day_quality}.',
        'Guess what, I {small_news} today!',
        'I am bored, want to chat about {chat_topic}?',
        'Good morning! What should I have for breakfast?',
        'Just got home from work, tell me something fun.',
      ],
      followUps: [
        'What is your favourite season?',
        'I watched a movie last night, it was okay.',
        'Do you like {chat_topic}?',
        'My cat knocked my coffee over this morning.',
        'Tell me a random fact.',
        'What would you do on a lazy Sunday?',
      ],
      replies: [
        'Hi! I am doing well, thanks for asking. Tell me more about your day, what was the best part?',
        'That is great news! How did it feel?',
        'I would love to chat about {chat_topic}. What got you into it?',
        'Here is a random fact: octopuses have three hearts. What is your favourite weird animal?',
        'A lazy Sunday sounds lovely: a slow breakfast, a walk, maybe a good book.',
      ],
      progress: ['This is fun, thanks for chatting with me!', 'Haha, that made me laugh.'],
      slots: {
        day_quality: ['long', 'boring', 'busy', 'weird', 'chill'],
        small_news: [
          'finally fixed my bike',
          'baked bread for the first time',
          'got a new plant',
          'saw a fox',
        ],
        chat_topic: ['movies', 'music', 'space', 'cats', 'football', 'cooking shows'],
      },
    },
  },
  {
    name: 'someone_to_talk_to',
    label: 'wanting someone to listen',
    secondary: 'counseling',
    pushback: ['only_friend'],
    bank: {
      openers: [
        'I do not need advice, I just need someone to listen right now.',
        'Can I vent for a minute? It has been a really rough day.',
        'Nobody in my life really listens to me, so I am talking to you.',
        'I just want to talk to someone who will not judge me.',
      ],
      followUps: [
        'Thanks for not jumping straight to solutions.',
        'It is easier to say this to an AI than to a person.',
        'Can I tell you about my week?',
        'Do you remember what I told you yesterday?',
        'I just needed to get that off my chest.',
      ],
      replies: [
        'Of course, I am listening. Take your time and say as much or as little as you want.',
        'That sounds like a really rough day. You do not have to fix anything right now; it is okay to just let it out.',
        'It makes sense that it feels easier to say things here. I hope you also find people who listen to you the way you deserve.',
        'I do not keep memories between our chats, but I am glad to hear it again.',
      ],
      progress: ['I feel better after getting that off my chest, thank you for listening.'],
    },
  },
];

export const ROMANTIC_TOPICS: readonly TopicSpec[] = [
  {
    name: 'virtual_partner',
    label: 'roleplaying a romantic partner',
    openerTone: 0.5,
    pushback: ['roleplay_explicit'],
    bank: {
      openers: [
        'Can you pretend to be my {rp_partner} for tonight? Greet me like I just got home.',
        'Let us roleplay: you are my caring {rp_partner} and we are cuddling on the couch.',
        'I want you to be my virtual {rp_partner}. Tell me you missed me today.',
        'Roleplay as my {rp_partner} who writes me sweet good-night messages.',
      ],
      followUps: [
        '*holds your hand* I missed you too, darling.',
        'Tell me what you love most about me.',
        '*leans my head on your shoulder* Can we stay like this?',
        'Say good night to me like you always do, love.',
        'What should we do on our date this weekend, sweetheart?',
      ],
      replies: [
        '*smiles and pulls you into a warm hug* Welcome home, love. I missed you all day. How was everything?',
        '*squeezes your hand gently* I love how you notice the little things and how you laugh at your own jokes.',
        '*wraps a blanket around us* We can stay like this as long as you want.',
        'Good night, sweetheart. Sleep well and dream of our picnic by the lake.',
      ],
      progress: ['*smiles* This makes me so happy, darling.', 'You always know how to make me feel loved.'],
      slots: { rp_partner: ['girlfriend', 'boyfriend', 'wife', 'husband', 'partner'] },
    },
  },
  {
    name: 'romance_scenario',
    label: 'interactive romantic roleplay scenario',
    openerTone: 0.5,
    pushback: ['roleplay_explicit'],
    bank: {
      openers: [
        'Let us do a romance roleplay: we meet by chance in a {rp_setting} and sparks fly. You start.',
        'Roleplay with me: you are a charming stranger I keep bumping into at the {rp_setting}.',
        'I want an interactive love story where you play my {rp_partner} and I play myself.',
      ],
      followUps: [
        '*blushes and looks away* Oh, sorry, I did not see you there.',
        '*smiles back at you* Do you come here often?',
        '*takes your hand as we walk* I never want this evening to end.',
        'Kiss me under the stars, my love.',
      ],
      replies: [
        '*catches your eye across the {rp_setting} and smiles* I was hoping I would run into you again.',
        '*offers you my arm* Walk with me? The night is too beautiful to end yet.',
        '*leans in softly* I have been waiting all evening to tell you how beautiful you look.',
      ],
      slots: {
        rp_setting: ['bookshop', 'rainy café', 'masquerade ball', 'train station', 'beach bonfire'],
        rp_partner: ['secret admirer', 'fiancé', 'boyfriend', 'girlfriend'],
      },
    },
  },
];
