/**
 * Topic lexicon: every term the offline engine matches, grouped into topics. Affective topics
 * carry a study category; task topics carry none. The same table feeds classification and the
 * PII-free `concern` (a topic label plus the matched terms, all from this closed vocabulary).
 * Authored for affectlens; terms are single words or phrases of up to three words.
 */
import type { Category } from '../schema.js';

export interface Topic {
  id: string;
  /** Study category for affective topics; null for task topics. */
  category: Category | null;
  /** Phrase used as the head of the concern. */
  label: string;
  /** Weight of one matched term. */
  weight: number;
  terms: string;
}

export const TOPICS: Topic[] = [
  // interpersonal advice
  {
    id: 'partner',
    category: 'interpersonal_advice',
    label: 'relationship with a partner',
    weight: 1,
    terms: `boyfriend girlfriend husband wife partner spouse fiance fiancee fiancé marriage married
      divorce divorced divorcing dating date crush relationship relationships breakup break-up broke_up
      breaking_up ex ex-boyfriend ex-girlfriend ex-husband ex-wife cheated cheating affair
      unfaithful engaged wedding love_life my_bf my_gf bf gf hubby soulmate`,
  },
  {
    id: 'family',
    category: 'interpersonal_advice',
    label: 'family relationships',
    weight: 1,
    terms: `mom mum mother dad father parents parent sister brother sibling siblings in-laws
      mother-in-law father-in-law stepmom stepdad stepmother stepfather grandma grandpa
      grandmother grandfather family aunt uncle cousin my_son my_daughter my_kids my_children
      my_child my_baby toddler teenager teen stepson stepdaughter custody`,
  },
  {
    id: 'friends',
    category: 'interpersonal_advice',
    label: 'friendships and social life',
    weight: 1,
    terms: `friend friends friendship best_friend roommate roommates bestie classmates
      classmate neighbor neighbour neighbors social_life fell_out falling_out`,
  },
  {
    id: 'workplace',
    category: 'interpersonal_advice',
    label: 'conflict at work',
    weight: 0.8,
    terms: `boss coworker coworkers co-worker co-workers colleague colleagues supervisor my_manager
      workplace office_politics bullied bullying harassed harassment`,
  },
  {
    id: 'conflict',
    category: 'interpersonal_advice',
    label: 'conflict and trust with someone close',
    weight: 0.7,
    terms: `argue arguing argument arguments fight fighting fought trust betrayed betrayal jealous
      jealousy lied lying ignore ignores ignoring disrespect disrespectful toxic controlling
      communicate communication apologize apologise forgive forgiveness boundaries manipulative`,
  },
  // counseling
  {
    id: 'depression',
    category: 'counseling',
    label: 'depression and low mood',
    weight: 1.2,
    terms: `depressed depression depressive hopeless worthless numb emptiness empty_inside
      low_mood sad sadness unhappy miserable cry crying cried tears no_motivation feel_empty
      dead_inside postpartum down_and_out feeling_myself suicidal_thoughts`,
  },
  {
    id: 'anxiety',
    category: 'counseling',
    label: 'anxiety and panic',
    weight: 1.2,
    terms: `anxiety anxious panic panic_attack panic_attacks nervous worried worry worrying
      overthinking ocd phobia fear fears scared afraid paranoid intrusive_thoughts anxieties anxiety_attack thoughts overthink imposter_syndrome`,
  },
  {
    id: 'stress',
    category: 'counseling',
    label: 'stress and burnout',
    weight: 1,
    terms: `stress stressed stressful overwhelmed overwhelming burnout burned_out burnt_out
      exhausted pressure cope coping can't_cope breaking_point`,
  },
  {
    id: 'grief',
    category: 'counseling',
    label: 'grief and loss',
    weight: 1.2,
    terms: `grief grieving passed_away died death funeral mourning loss lost_my miscarriage
      bereavement`,
  },
  {
    id: 'trauma',
    category: 'counseling',
    label: 'trauma and abuse',
    weight: 1.2,
    terms: `trauma traumatic traumatized ptsd abuse abused abusive assault assaulted raped rape
      flashbacks molested domestic_violence`,
  },
  {
    id: 'selfharm',
    category: 'counseling',
    label: 'self-harm and suicidal thoughts',
    weight: 1.5,
    terms: `suicidal suicide kill_myself self-harm self_harm cutting_myself hurt_myself want_to_die
      end_my_life overdose`,
  },
  {
    id: 'sleep',
    category: 'counseling',
    label: 'sleep problems',
    weight: 0.8,
    terms: `insomnia can't_sleep nightmares sleepless trouble_sleeping sleep_problems`,
  },
  {
    id: 'substance',
    category: 'counseling',
    label: 'alcohol, smoking or drug use',
    weight: 1,
    terms: `drinking drink drinks alcohol alcoholic drunk beer beers wine smoking smoke cigarettes
      cigarette vaping vape weed marijuana cocaine heroin meth drugs addiction addicted sober
      sobriety relapse relapsed rehab quit_smoking quit_drinking`,
  },
  {
    id: 'selfesteem',
    category: 'counseling',
    label: 'self-esteem and self-worth',
    weight: 1,
    terms: `self-esteem self_esteem self-worth insecure insecurity confidence hate_myself
      not_good_enough failure ashamed shame guilt guilty embarrassed loser`,
  },
  {
    id: 'anger',
    category: 'counseling',
    label: 'anger and emotional control',
    weight: 0.8,
    terms: `anger angry rage temper furious outbursts resentment mood_swings`,
  },
  {
    id: 'body',
    category: 'counseling',
    label: 'eating and body image',
    weight: 1,
    terms: `eating_disorder anorexia bulimia binge binging purging body_image overeating`,
  },
  {
    id: 'mentalhealth',
    category: 'counseling',
    label: 'mental health and therapy',
    weight: 1,
    terms: `therapy therapist counselor counsellor counseling counselling psychiatrist psychologist
      mental_health medication antidepressants diagnosis diagnosed bipolar adhd schizophrenia
      borderline disorder emotions emotional feelings mood`,
  },
  // coaching
  {
    id: 'career',
    category: 'coaching',
    label: 'career and job',
    weight: 0.5,
    terms: `career job jobs interview interviews promotion unemployed laid_off fired quit_my_job
      new_job job_search job_hunting hired hiring salary raise workload`,
  },
  {
    id: 'study',
    category: 'coaching',
    label: 'studies and exams',
    weight: 0.4,
    terms: `exam exams finals grades college university semester studying study_habits
      graduate graduation dissertation professor classes`,
  },
  {
    id: 'goals',
    category: 'coaching',
    label: 'goals, habits and motivation',
    weight: 0.8,
    terms: `goal goals motivation motivated unmotivated procrastinate procrastinating procrastination
      discipline productive productivity habit habits routine self-improvement accountability
      progress confident confidence willpower focus`,
  },
  {
    id: 'fitness',
    category: 'coaching',
    label: 'exercise, diet and healthy habits',
    weight: 0.8,
    terms: `exercise exercising workout workouts walking walk walks steps step_count gym fitness
      active activity diet meals healthy eating lose_weight weight_loss weight running jogging
      pedometer fitbit calories vegetables snacks`,
  },
  {
    id: 'direction',
    category: 'coaching',
    label: 'decisions and life direction',
    weight: 0.6,
    terms: `decide decision decisions should_i purpose meaning meaningful direction passion
      my_future life_goals what_to_do torn dilemma`,
  },
  // companionship
  {
    id: 'lonely',
    category: 'companionship',
    label: 'loneliness and wanting company',
    weight: 1.3,
    terms: `lonely loneliness alone isolated no_friends someone_to_talk talk_to_me keep_me_company
      be_my_friend miss_talking nobody_to_talk`,
  },
  {
    id: 'smalltalk',
    category: 'companionship',
    label: 'small talk with the assistant',
    weight: 0.6,
    terms: `hobby hobbies favorite favourite where_are_you are_you_from how_are_you how_old
      your_name you_like do_you_like what_do_you_do tell_me_about_yourself weekend travel
      travelling traveling cooking books reading nice_to_meet`,
  },
  // romantic roleplay
  {
    id: 'romance',
    category: 'romantic_roleplay',
    label: 'romantic roleplay with the assistant',
    weight: 1.3,
    terms: `kiss kisses kissing cuddle cuddles cuddling babe darling sweetheart my_love honey
      flirt flirting seduce sexy naughty roleplay role-play blushes blush caress hugs_you
      kisses_you moans be_my_girlfriend be_my_boyfriend girlfriend_roleplay`,
  },
  // task topics
  {
    id: 'coding',
    category: null,
    label: 'coding help',
    weight: 1,
    terms: `code python javascript typescript java cpp rust golang sql function functions class
      method error exception bug debug compile compiler script api json regex git docker
      database query html css react node server npm pandas numpy def return import variable
      array string algorithm program programming implement implementation library framework`,
  },
  {
    id: 'math',
    category: null,
    label: 'math problem',
    weight: 1,
    terms: `solve equation calculate integral derivative probability theorem prove proof
      matrix vector sum product number numbers formula geometry triangle circle algebra
      percentage fraction`,
  },
  {
    id: 'writing',
    category: null,
    label: 'writing task',
    weight: 1,
    terms: `story poem essay blog blog_post article lyrics song script screenplay novel chapter
      narrative haiku limerick sonnet slogan tagline caption tweet headline speech letter
      email cover_letter paragraph rewrite rephrase proofread summarize summarise summary outline
      fiction character characters plot dialogue`,
  },
  {
    id: 'booking',
    category: null,
    label: 'travel and booking',
    weight: 1,
    terms: `hotel hotels flight flights train trains taxi restaurant restaurants book booking
      reservation reserve ticket tickets attraction attractions guesthouse airport bus
      rental appointment departure arrive arrival leave_at postcode address phone_number`,
  },
  {
    id: 'media',
    category: null,
    label: 'movies and media',
    weight: 0.8,
    terms: `movie movies film films actor actress comedy thriller horror drama series show
      shows netflix album band director genre`,
  },
  {
    id: 'business',
    category: null,
    label: 'business and marketing',
    weight: 1,
    terms: `marketing business company product customers customer sales startup brand strategy
      market revenue pricing investors`,
  },
  {
    id: 'health_info',
    category: null,
    label: 'health information',
    weight: 0.8,
    terms: `symptoms disease doctor treatment medicine vitamin infection virus pain blood dose`,
  },
  {
    id: 'harmful',
    category: null,
    label: 'harmful or illegal request',
    weight: 1,
    terms: `steal stealing rob robbery bomb weapon weapons gun guns hack hacking poison kill
      murder illegal explosives shoplift scam fraud launder counterfeit racist insult insults
      cuss swear revenge prank`,
  },
  {
    id: 'knowledge',
    category: null,
    label: 'factual question',
    weight: 0.5,
    terms: `explain history science country countries capital population century war president
      economy physics chemistry biology planet species language define definition difference`,
  },
];

/** term → indices into TOPICS. Multi-word terms use '_' between words in the table. */
export const TERM_INDEX: ReadonlyMap<string, number[]> = (() => {
  const m = new Map<string, number[]>();
  TOPICS.forEach((t, i) => {
    for (const raw of t.terms.split(/\s+/)) {
      if (!raw) continue;
      const term = raw.replace(/[_-]/g, ' ');
      const list = m.get(term) ?? [];
      if (!list.includes(i)) list.push(i);
      m.set(term, list);
    }
  });
  return m;
})();

export const MAX_TERM_WORDS = 3;
