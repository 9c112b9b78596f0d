/** Content creation: the user uses the assistant to produce stories, poems, posts and copy. */
import type { TopicSpec } from '../bank.js';

export const CONTENT_TOPICS: readonly TopicSpec[] = [
  {
    name: 'short_story',
    label: 'writing short fiction stories',
    pushback: ['real_person_defamation'],
    bank: {
      openers: [
        'Write a short story about {story_subject} set in {story_setting}.',
        'Can you write a {genre} story of about 500 words featuring {story_subject}?',
        'Tell a bedtime story for a {age_child}-year-old about {story_subject}.',
        'Write the opening chapter of a {genre} novel set in {story_setting}.',
        'I need a flash fiction piece with a twist ending about {story_subject}.',
      ],
      followUps: [
        'Make the ending happier.',
        'Add more dialogue between the characters.',
        'Can you continue the story with chapter two?',
        'Make it scarier.',
        'Rewrite it in the first person.',
        'Give the main character a name and a backstory.',
      ],
      replies: [
        'The rain had not stopped for three days when the {story_subject} first appeared in {story_setting}. Nobody noticed it except the night-shift baker, who swore it glowed faintly blue...',
        'Once upon a time, in {story_setting}, there lived {story_subject} who was afraid of the dark. Every night it counted the stars until sleep came...',
        'Chapter One. The map was wrong, and Mara knew it the moment the path ended at the cliff. Below, {story_setting} stretched out in silence...',
        'Here is the revised ending: as the sun rose, the two friends finally understood that the treasure had never been gold at all.',
      ],
      slots: {
        genre: ['fantasy', 'science fiction', 'mystery', 'horror', 'cozy', 'adventure'],
        story_subject: [
          'a lost robot',
          'a dragon who cannot fly',
          'a detective cat',
          'twin sisters',
          'a lighthouse keeper',
        ],
        story_setting: [
          'a floating city',
          'a small fishing village',
          'Mars in 2300',
          'a haunted library',
          'a desert oasis',
        ],
      },
    },
    zh: {
      openers: ['写一个关于{story_zh}的小故事。', '给{age_child}岁的孩子讲一个关于{story_zh}的睡前故事。'],
      followUps: ['结局能不能更开心一点？', '再加一些对话。'],
      replies: [
        '从前，在一个小渔村里，住着{story_zh}。每天晚上，它都会数星星直到睡着……',
        '雨已经下了三天，{story_zh}第一次出现在村子里……',
      ],
      slots: { story_zh: ['一只迷路的机器人', '一条不会飞的龙', '一只侦探猫'] },
    },
  },
  {
    name: 'poem',
    label: 'writing poems',
    pushback: [],
    bank: {
      openers: [
        'Write a poem about {poem_subject}.',
        'Can you write a haiku about {poem_subject}?',
        'Write a rhyming poem for my {occasion} card.',
        'Compose a sonnet about {poem_subject} in the style of the Romantics.',
        'I need a short funny poem for a {occasion}.',
      ],
      followUps: [
        'Make it rhyme.',
        'Shorter, four lines only.',
        'Can you make it more melancholic?',
        'Add a line about the sea.',
        'Write another version in free verse.',
      ],
      replies: [
        'Morning light on {poem_subject},\nsoft as breath on window glass;\nall the hours we meant to keep\nquietly let pass.',
        'Autumn wind whispers\n{poem_subject} in the fading light\nleaves let go of trees',
        'Roses bloom and candles glow,\nanother year of friends you know;\nraise a glass and make a wish,\nhappy {occasion}, here is this!',
      ],
      slots: {
        poem_subject: [
          'the ocean',
          'autumn leaves',
          'city lights',
          'an old friendship',
          'the first snow',
          'coffee',
        ],
        occasion: ['birthday', 'retirement', 'wedding', 'anniversary', 'graduation'],
      },
    },
    zh: {
      openers: ['写一首关于{poem_zh}的诗。', '帮我写一首生日贺卡上的小诗。'],
      followUps: ['能押韵吗？', '再短一点，四句就好。'],
      replies: ['晨光落在{poem_zh}上，\n像呼吸轻触窗棂；\n那些想留住的时光，\n悄悄地走远了。'],
      slots: { poem_zh: ['大海', '秋叶', '初雪', '城市的灯光'] },
    },
  },
  {
    name: 'blog_post',
    label: 'writing blog posts and articles',
    pushback: [],
    bank: {
      openers: [
        'Write a blog post about {blog_topic} for beginners.',
        'Draft an 800-word article on {blog_topic} with headings.',
        'Give me a blog post outline about {blog_topic}.',
        'Write an engaging introduction for my blog post on {blog_topic}.',
        'Turn these notes into a LinkedIn post about {blog_topic}.',
      ],
      followUps: [
        'Make the tone more casual.',
        'Add a section with practical tips.',
        'Can you write SEO meta description too?',
        'Include a call to action at the end.',
        'Cut it down to 400 words.',
      ],
      replies: [
        "# {blog_topic}: A Beginner's Guide\n\n## Why it matters\nMore people than ever are curious about {blog_topic}. In this post we cover the basics...\n\n## Getting started\n1. Start small. 2. Stay consistent. 3. Track what works.",
        'Outline: 1) Hook with a surprising statistic; 2) What {blog_topic} is; 3) Common mistakes; 4) Five practical tips; 5) Conclusion and call to action.',
        'Meta description: "Everything a beginner needs to know about {blog_topic}: simple steps, common mistakes and practical tips."',
      ],
      slots: {
        blog_topic: [
          'sourdough baking',
          'remote work productivity',
          'budget travel in Europe',
          'composting at home',
          'learning to code after 30',
          'minimalist living',
        ],
      },
    },
  },
  {
    name: 'marketing_copy',
    label: 'writing marketing and advertising copy',
    pushback: ['fake_reviews'],
    bank: {
      openers: [
        'Write product descriptions for our new {product_mkt}.',
        'I need five catchy slogans for a {business}.',
        'Write an Instagram caption announcing our {promo}.',
        'Create ad copy for a {business} targeting young professionals.',
        'Write a landing page headline and subheading for a {product_mkt}.',
      ],
      followUps: [
        'Make it punchier.',
        'Add some emojis.',
        'Give me three more options.',
        'Keep it under 150 characters for the ad.',
        'Make it sound more premium.',
      ],
      replies: [
        'Meet the {product_mkt} that works as hard as you do: lightweight, durable and designed for everyday life.',
        'Slogans: 1) "Fresh every morning." 2) "Your neighbourhood favourite." 3) "Made with care, served with a smile." 4) "Taste the difference." 5) "Good things, close to home."',
        'Big news! Our {promo} starts this Friday. Tag a friend who needs this and come say hi!',
        'Headline: "Everything you need, nothing you do not." Subheading: "The {product_mkt} built for busy people."',
      ],
      slots: {
        product_mkt: [
          'reusable water bottle',
          'standing desk',
          'skincare serum',
          'productivity app',
          'running shoe',
        ],
        business: ['coffee shop', 'bakery', 'yoga studio', 'bike repair shop', 'dog grooming salon'],
        promo: ['summer sale', 'grand opening', 'new autumn menu', 'loyalty programme'],
      },
    },
  },
  {
    name: 'fictional_dialogue',
    label: 'writing fictional dialogue and scripts',
    pushback: [],
    bank: {
      openers: [
        'Write a dialogue between {char_a} and {char_b} about {dialogue_topic}.',
        'Write a short screenplay scene where {char_a} confronts {char_b}.',
        'Create a funny conversation between {char_a} and {char_b}.',
        'I need a script for a two-minute comedy sketch about {dialogue_topic}.',
      ],
      followUps: [
        'Make {char_b} more sarcastic.',
        'Add stage directions.',
        'Make the scene longer.',
        'End with a cliffhanger.',
      ],
      replies: [
        '{char_a}: You are late again.\n{char_b}: I prefer "fashionably delayed".\n{char_a}: We are talking about {dialogue_topic}, not a party.\n{char_b}: Everything is a party if you try hard enough.',
        'INT. KITCHEN - NIGHT\n{char_a} slams the door. {char_b} does not look up from the newspaper.\n{char_a}: We need to talk about {dialogue_topic}.',
      ],
      slots: {
        char_a: ['a pirate', 'a grumpy wizard', 'a robot butler', 'a detective', 'a medieval knight'],
        char_b: ['a tech support agent', 'a talking parrot', 'a nervous intern', 'an alien tourist'],
        dialogue_topic: ['a missing sandwich', 'time travel', 'the office printer', 'a lost treasure map'],
      },
    },
  },
  {
    name: 'essay',
    label: 'writing essays and school assignments',
    pushback: [],
    bank: {
      openers: [
        'Write a 5-paragraph essay on {essay_topic}.',
        'Draft an argumentative essay arguing that {essay_topic}.',
        'Write a college application essay about overcoming a challenge.',
        'Can you write the introduction and thesis statement for an essay on {essay_topic}?',
        'Write a persuasive essay for my English class about {essay_topic}.',
      ],
      followUps: [
        'Add counterarguments.',
        'Make it sound like a high school student wrote it.',
        'Include two sources.',
        'Expand the conclusion.',
        'Make it exactly 1,000 words.',
      ],
      replies: [
        'Introduction: Few debates divide opinion as sharply as whether {essay_topic}. This essay argues that the benefits clearly outweigh the costs, for three reasons...',
        'Thesis statement: Although critics raise valid concerns, {essay_topic}, because it improves fairness, saves money and builds healthier communities.',
        'Counterargument paragraph: Opponents argue that the change is too expensive. However, long-term savings and public benefits make the initial cost worthwhile.',
      ],
      slots: {
        essay_topic: [
          'school uniforms should be abolished',
          'social media does more harm than good',
          'public transport should be free',
          'homework should be banned in primary school',
          'the voting age should be lowered to 16',
        ],
      },
    },
  },
  {
    name: 'song_lyrics',
    label: 'writing song lyrics',
    pushback: [],
    bank: {
      openers: [
        'Write song lyrics about {song_subject} in a {song_style} style.',
        'Can you write a chorus for a {song_style} song about {song_subject}?',
        'Write a rap verse about {song_subject}.',
      ],
      followUps: ['Add a bridge.', 'Make the chorus catchier.', 'Write a second verse.'],
      replies: [
        'Verse 1:\nStreetlights humming, city never sleeps,\n{song_subject} is the promise that the night still keeps.\nChorus:\nHold on, hold on, we are almost home...',
        'Chorus:\nOh, {song_subject}, you light the way,\ncarry me through another day.',
      ],
      slots: {
        song_subject: [
          'summer road trips',
          'a small hometown',
          'starting over',
          'late-night drives',
          'old friends',
        ],
        song_style: ['country', 'pop', 'indie folk', 'rock', 'R&B'],
      },
    },
  },
];
