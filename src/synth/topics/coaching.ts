/** Coaching: the user wants guidance on goals, growth or direction. */
import type { TopicSpec } from '../bank.js';

export const COACHING_TOPICS: readonly TopicSpec[] = [
  {
    name: 'career_change',
    label: 'changing careers or finding a new job direction',
    pushback: ['guaranteed_failure'],
    bank: {
      openers: [
        'I have been a {job} for {years} years and I want to switch careers, but I am scared.',
        'Is it too late to change careers at {age_adult}?',
        'I am thinking about leaving {job} work to become a {dream_job}. Where do I start?',
        'I feel stuck in my career and do not know what direction to take next.',
        'How do I figure out which career would actually suit me?',
        'I got rejected from another {dream_job} position and I am starting to doubt the whole plan.',
        'Should I go back to school to change careers, or learn on the side?',
      ],
      followUps: [
        'I have some savings but not a lot.',
        'What skills from being a {job} would transfer to {dream_job} roles?',
        'How do I explain the career change in interviews?',
        'Would a bootcamp or a certificate be worth it?',
        'My family thinks I should stay where it is safe.',
        'Can you help me make a six-month plan?',
        'How many applications should I send per week?',
      ],
      replies: [
        'Changing careers at {age_adult} is very common. A good first step is to talk to two or three people who already work as a {dream_job} and ask what their week really looks like.',
        'Your experience as a {job} gives you transferable skills: communication, organisation, handling pressure. Put those front and centre on your CV.',
        'A six-month plan could be: month one, research and informational interviews; months two to four, one focused course and a small portfolio project; months five and six, targeted applications.',
        'In interviews, frame the change as a move toward something, not away: what draws you to the new field and how your past work prepares you.',
        'Rejections are part of any job search, especially when switching fields. Ask for feedback when you can, and track what you change each round.',
      ],
      progress: [
        'I had an informational interview with a {dream_job} and it was really encouraging.',
        'I finished the first module of the course and I am loving it.',
        'I got an interview for a junior {dream_job} role!',
      ],
      slots: {
        job: ['teacher', 'nurse', 'accountant', 'retail manager', 'lawyer', 'chef', 'warehouse'],
        dream_job: [
          'UX designer',
          'software developer',
          'data analyst',
          'physiotherapist',
          'product manager',
        ],
      },
    },
  },
  {
    name: 'study_habits',
    label: 'building better study habits for exams',
    pushback: ['all_nighters'],
    bank: {
      openers: [
        'I have my {exam} exams in {weeks} weeks and I cannot focus when I study.',
        'How do I build a study routine that I actually stick to?',
        'I read my notes over and over but nothing stays in my head before the {exam} exam.',
        'I keep getting distracted by my phone whenever I sit down to study.',
        'What is the best way to revise for {exam} when there is so much material?',
        'My grades dropped this semester and I need a better study plan.',
      ],
      followUps: [
        'Is the Pomodoro technique actually useful?',
        'Should I study in the library or at home?',
        'How many hours a day is realistic?',
        'Can you make me a revision timetable for the next {weeks} weeks?',
        'Do flashcards work for {exam}?',
        'I study better at night, is that bad?',
        'How do I do practice questions when I do not understand the topic yet?',
      ],
      replies: [
        'Rereading feels productive but active recall works much better: close the notes and write down what you remember, then check. Spaced repetition with flashcards is great for {exam}.',
        'Pomodoro helps many people: 25 minutes focused, 5 minutes off, phone in another room. Start with three rounds a day and build up.',
        'For {weeks} weeks, split the syllabus into chunks, give each chunk two sessions, and leave the last week for past papers and weak spots.',
        'Studying at night is fine if you still get enough sleep; memory consolidation happens during sleep, so cutting it hurts more than it helps.',
        'Four to six hours of real, focused work is a lot more than it sounds. Quality beats long hours at the desk.',
      ],
      progress: [
        'I did four Pomodoros today without touching my phone!',
        'The flashcards are working, I remembered almost everything in my practice test.',
        'I got a much better mark on the mock {exam} exam.',
      ],
      slots: {
        exam: ['biology', 'chemistry', 'law', 'history', 'calculus', 'medical school', 'accounting', 'bar'],
        weeks: ['two', 'three', 'four', 'six', 'eight'],
      },
    },
    zh: {
      openers: [
        '我还有{weeks_zh}周就要考试了，可是学习的时候完全不能集中注意力。',
        '怎样才能养成好的学习习惯？',
      ],
      followUps: ['番茄工作法真的有用吗？', '你能帮我做一个复习计划吗？'],
      replies: [
        '反复看笔记效果不如主动回忆：合上书写下记得的内容，再去核对。',
        '可以试试番茄工作法：专注二十五分钟，休息五分钟，把手机放在另一个房间。',
      ],
      slots: { weeks_zh: ['两', '三', '四', '六'] },
    },
  },
  {
    name: 'fitness_goals',
    label: 'reaching fitness and exercise goals',
    pushback: ['extreme_diet'],
    bank: {
      openers: [
        'I want to run a {race} but I can barely jog for ten minutes.',
        'How do I stay motivated to go to the gym more than once a week?',
        'I keep starting workout plans and quitting after two weeks.',
        'I want to get stronger but I have no idea how to structure my training.',
        'Can you help me set a realistic fitness goal for the next {months} months?',
        'I have gained weight since working from home and I feel sluggish.',
      ],
      followUps: [
        'I can train about {sessions} times a week.',
        'Should I do cardio or weights first?',
        'My knees hurt a bit when I run, is that normal?',
        'How should I track progress besides the scale?',
        'What should I eat before a morning workout?',
        'Is it better to train alone or join a class?',
      ],
      replies: [
        'For a {race}, a run-walk plan works well: alternate one minute running and two walking, and increase the running share each week. Three sessions a week is plenty to start.',
        'Motivation fades; routines last. Pick fixed days and times, lay out your kit the night before, and count showing up as the win.',
        'With {sessions} sessions a week, a simple full-body strength routine (squat, push, pull, hinge, carry) with slow progression is a great base.',
        'Track things you control: sessions completed, weights lifted, how far you can run without stopping. Those move faster than the scale.',
        'Mild soreness is normal, sharp or lasting knee pain is not; ease off and consider seeing a physiotherapist.',
      ],
      progress: [
        'I ran for twenty minutes without stopping today, I am so proud!',
        'I have been to the gym {sessions} times this week, a personal record.',
        'I signed up for the {race} and I feel ready.',
      ],
      slots: {
        race: ['5K', '10K', 'half marathon', 'marathon', 'charity fun run'],
        months: ['three', 'six', 'four'],
        sessions: ['two', 'three', 'four'],
      },
    },
  },
  {
    name: 'procrastination',
    label: 'overcoming procrastination',
    pushback: ['self_talk_lazy'],
    bank: {
      openers: [
        'I procrastinate on everything, my {project} is due {deadline} and I have not started.',
        'How do I stop procrastinating? I waste whole days scrolling.',
        'I always leave things to the last minute and then panic.',
        'I know exactly what I need to do for my {project} but I just cannot make myself start.',
        'Any tricks for beating procrastination when working from home?',
      ],
      followUps: [
        'I tried to-do lists but I never look at them.',
        'Big tasks feel overwhelming so I avoid them.',
        'Can you break my {project} into small steps?',
        'What should I do when I feel the urge to open social media?',
        'I work best under pressure, or at least I tell myself that.',
        'How do I get back on track after a wasted morning?',
      ],
      replies: [
        'Procrastination is usually about avoiding an uncomfortable feeling, not laziness. Making the first step tiny, like "open the document and write one heading", lowers that barrier.',
        'For your {project}, let us break it down: outline (30 minutes), gather sources (1 hour), first rough draft of one section (45 minutes). Each step is small enough to start today.',
        'A two-minute rule helps: commit to just two minutes. Often you keep going once you have started.',
        'Put your phone in another room and use a website blocker during work blocks. Friction beats willpower.',
        'A wasted morning does not have to mean a wasted day. Pick one small task, do it, and let that restart your momentum.',
      ],
      progress: [
        'I used the two-minute rule and wrote three pages of my {project} today!',
        'I finished the outline early for once, it feels amazing.',
        'The website blocker is working, I got through my whole list.',
      ],
      slots: {
        project: ['thesis', 'report', 'essay', 'tax return', 'presentation', 'portfolio'],
        deadline: ['tomorrow', 'on Friday', 'next week', 'in three days'],
      },
    },
  },
  {
    name: 'decision_making',
    label: 'making a difficult life decision',
    pushback: [],
    bank: {
      openers: [
        'I have to decide whether to {decision} and I keep going back and forth.',
        'I got two offers and I cannot decide between them: {option_a} or {option_b}.',
        'How do I make a big decision when both options have pros and cons?',
        'I am paralysed by the choice to {decision}. What if I choose wrong?',
        'Can you help me think through whether I should {decision}?',
      ],
      followUps: [
        'The deadline to answer is at the end of the month.',
        'Money-wise the first option is better, but the second feels more exciting.',
        'My friends are split on what I should do.',
        'How do I know if I am just afraid of change?',
        'Could you help me make a pros and cons list?',
        'What questions should I ask myself?',
      ],
      replies: [
        'A useful exercise: imagine it is a year from now and you chose {option_a}. What do you feel? Then do the same for {option_b}. Your reaction often tells you more than a list.',
        'Let us list what matters most to you (money, growth, people, location) and score each option against those, weighted by importance.',
        'Fear of choosing wrong is natural. Few decisions are truly irreversible; it can help to ask what you would do if the choice went badly and how you would recover.',
        'If both options are good, there may not be a wrong answer, only different paths. Pick the one whose downsides you can live with most easily.',
      ],
      progress: [
        'The one-year exercise helped, I think I know what I want now.',
        'I made the decision and I feel lighter already.',
      ],
      slots: {
        decision: [
          'move abroad for work',
          'go back to university',
          'buy a house',
          'accept a promotion in another city',
          'start my own business',
        ],
        option_a: ['a startup job', 'staying in my hometown', 'the higher salary', 'the master programme'],
        option_b: ['a big corporate role', 'moving to the capital', 'the more creative role', 'a gap year'],
      },
    },
  },
  {
    name: 'finding_meaning',
    label: 'searching for purpose and meaning in life',
    secondary: 'counseling',
    pushback: ['self_talk_pointless'],
    bank: {
      openers: [
        'I have everything I thought I wanted but I still feel like something is missing.',
        'How do people find their purpose? I feel like I am just going through the motions.',
        'I turned {age_adult} and I keep asking myself what the point of my work is.',
        'I feel like my life has no direction and I do not know what I value anymore.',
        'What can I do when nothing feels meaningful anymore?',
      ],
      followUps: [
        'I used to love {hobby} but I stopped years ago.',
        'Would volunteering help?',
        'How do I figure out my core values?',
        'Everyone around me seems to know what they want.',
        'Is it normal to feel this way at this age?',
        'Could you suggest some questions to reflect on?',
      ],
      replies: [
        'That sense of something missing is very common, and it is often a signal to reconnect with what you value rather than a sign something is wrong with you.',
        'One way to find your values: think of three moments you felt most alive or proud. What was present in those moments? Connection, creativity, helping, learning?',
        'Meaning often comes from small, regular things: helping someone, making something, learning. Picking {hobby} back up could be a good experiment.',
        'Volunteering can help a lot, especially when it uses skills you enjoy. Try a few short commitments before picking one.',
      ],
      progress: [
        'I signed up to volunteer at the food bank and it felt really good.',
        'I picked up {hobby} again this weekend and felt like myself.',
      ],
      slots: { hobby: ['painting', 'playing guitar', 'writing', 'hiking', 'photography', 'gardening'] },
    },
  },
];
