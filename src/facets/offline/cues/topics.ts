/**
 * Topic lexicon: every term the offline engine matches, grouped into topics. Affective topics
 * carry a study category; task topics carry none. The same table feeds classification and the
 * PII-free `concern`, which is one topic's fixed label (so it is built only from this closed
 * vocabulary and is identical for every conversation about that sub-topic).
 * Authored for affectlens from general knowledge of how people describe these problems; terms are
 * single words or phrases of up to three words.
 */
import type { Category } from '../../schema.js';

export interface Topic {
  id: string;
  /** Study category for affective topics; null for task topics. */
  category: Category | null;
  /** The concern phrase for this sub-topic. */
  label: string;
  /** Weight of one matched term. */
  weight: number;
  /**
   * 'feeling' topics name a state (low mood, worry, stress) that accompanies many subjects: they
   * count fully for the category but yield the concern only when no subject topic matched.
   */
  tier?: 'feeling';
  terms: string;
}

export const TOPICS: Topic[] = [
  // interpersonal advice
  {
    id: 'partner',
    category: 'interpersonal_advice',
    label: 'arguments and trust problems with a romantic partner',
    weight: 1,
    terms: `boyfriend girlfriend husband wife partner spouse fiance fiancee fiancé marriage married
      dating crush relationship relationships cheated cheating affair unfaithful engaged wedding
      love_life my_bf my_gf bf gf hubby soulmate our_relationship jealous jealousy`,
  },
  {
    id: 'breakup',
    category: 'interpersonal_advice',
    label: 'coping with a breakup or divorce',
    weight: 1.3,
    terms: `breakup break-up broke_up breaking_up broken_up split_up dumped ex ex-boyfriend
      ex-girlfriend ex-husband ex-wife ex-partner divorce divorced divorcing separation
      left_me moved_on move_on getting_over over_him over_her heartbreak no_contact
      `,
  },
  {
    id: 'family',
    category: 'interpersonal_advice',
    label: 'tension with parents or siblings',
    weight: 1,
    terms: `mom mum mother dad father parents sister brother sibling siblings in-laws
      mother-in-law father-in-law stepmom stepdad stepmother stepfather grandma grandpa
      grandmother grandfather family aunt uncle cousin relatives`,
  },
  {
    id: 'parenting',
    category: 'interpersonal_advice',
    label: 'parenting and raising children',
    weight: 1.2,
    terms: `my_son my_daughter my_kids my_children my_child my_baby our_son our_daughter our_kids
      toddler teenager teenagers stepson stepdaughter custody parenting newborn tantrum tantrums
      bedtime screen_time daycare preschool kindergarten grounded co-parent co-parenting`,
  },
  {
    id: 'friends',
    category: 'interpersonal_advice',
    label: 'friendships and drifting apart from friends',
    weight: 1,
    terms: `friend friends friendship friendships best_friend roommate roommates bestie classmates
      classmate neighbor neighbour neighbors social_life fell_out falling_out drifted drifting
      drift_apart left_out group_chat hang_out hanging_out`,
  },
  {
    id: 'workplace',
    category: 'interpersonal_advice',
    label: 'conflict with a boss or coworkers',
    weight: 0.9,
    terms: `boss coworker coworkers co-worker co-workers colleague colleagues supervisor my_manager
      workplace office_politics bullied bullying harassed harassment micromanage micromanages
      micromanaging takes_credit hr manager team_lead my_team undermines undermining
      passive-aggressive passive_aggressive criticizes criticises yelled_at`,
  },
  {
    id: 'conflict',
    category: 'interpersonal_advice',
    label: 'conflict and trust with someone close',
    weight: 0.7,
    tier: 'feeling',
    terms: `argue arguing argument arguments fight fighting fought trust betrayed betrayal lied lying
      ignore ignores ignoring disrespect disrespectful toxic controlling communicate communication
      apologize apologise forgive forgiveness boundaries manipulative made_me_mad makes_me_mad me_so_mad
      pissed_me_off pissing_me_off pisses_me_off`,
  },
  // counseling
  {
    id: 'depression',
    category: 'counseling',
    label: 'persistent low mood and depression',
    weight: 1.2,
    tier: 'feeling',
    terms: `depressed depression depressive hopeless numb emptiness low_mood sad sadness
      unhappy miserable cry crying cried tears no_motivation postpartum
      down_and_out feeling_down feel_down joyless`,
  },
  {
    id: 'lowmood',
    category: 'counseling',
    label: 'persistent low mood and depression',
    weight: 1.2,
    terms: ` lost_interest no_interest don't_enjoy stopped_enjoying enjoy_anything
      feel_nothing feeling_nothing feel_numb motions weighed_down heavy_fog grey gray
       can't_be_bothered no_energy empty_inside dead_inside feel_empty blues the_blues funk
      in_a_funk better_days rough_time hard_time struggling feeling_low feel_low bad_mood sad_mood
      feeling_blue gloomy tired_of_everything tired_of_it_all nothing_matters`,
  },
  {
    id: 'anxiety',
    category: 'counseling',
    label: 'anxiety and constant worry',
    weight: 1.2,
    tier: 'feeling',
    terms: `anxiety anxious panic panicking nervous worried worry worrying overthinking ocd phobia fear fears scared
      afraid paranoid intrusive_thoughts anxieties overthink imposter_syndrome what_if dread`,
  },
  {
    id: 'panic',
    category: 'counseling',
    label: 'panic attacks',
    weight: 1.4,
    terms: `panic_attack panic_attacks panic_attacks anxiety_attack anxiety_attacks heart_racing racing_heart
      heart_races heart_pounds heart_pounding can't_breathe couldn't_breathe short_of_breath hyperventilating
      hyperventilate chest_tight tight_chest chest_tightness trembling shaking dizzy lightheaded
      going_to_die losing_control`,
  },
  {
    id: 'workstress',
    category: 'counseling',
    label: 'anxiety and stress about work',
    weight: 1.1,
    terms: `deadline deadlines workload performance_review presentation presentations overtime
      at_work my_job work_emails meetings
      `,
  },
  {
    id: 'stress',
    category: 'counseling',
    label: 'stress and burnout',
    weight: 1,
    tier: 'feeling',
    terms: `stress stressed stressful overwhelmed overwhelming burnout burned_out burnt_out exhausted
      pressure cope coping can't_cope breaking_point`,
  },
  {
    id: 'grief',
    category: 'counseling',
    label: 'grief after losing a loved one',
    weight: 1.2,
    terms: `grief grieving grieve passed_away died death funeral mourning loss_of my_loss lost_my miscarriage
      bereavement bereaved memorial anniversary_of
       `,
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
    label: 'stress keeping them awake at night',
    weight: 1.1,
    terms: `insomnia can't_sleep cannot_sleep nightmares sleepless trouble_sleeping sleep_problems
      fall_asleep falling_asleep stay_asleep lie_awake lying_awake wide_awake awake_at
      tossing_and_turning racing_thoughts sleep_at no_sleep hours_of_sleep melatonin exhausted_all
      `,
  },
  {
    id: 'substance',
    category: 'counseling',
    label: 'alcohol, smoking or drug use',
    weight: 1,
    terms: `alcoholic addiction addicted addict sober sobriety relapse relapsed rehab quit_smoking
      quit_drinking stop_drinking stop_smoking cut_down cut_back drinking_problem drink_too_much
      drinking_too_much withdrawal cravings craving blacked_out i_drink i_drank i_smoke i_smoked i_vape my_drinking
      my_smoking`,
  },
  {
    // The substances themselves: a question about where to buy beer is not a drinking problem, so a
    // bare mention weighs less than the words of a habit the user wants to change.
    id: 'substance_use',
    category: 'counseling',
    label: 'alcohol, smoking or drug use',
    weight: 0.5,
    // Getting high or drunk, a hangover, "I drink": what the user does, not yet a habit they struggle
    // with (codebook section 2: drinking or drugs to cope is counselling; a question about them is not).
    terms: `drinking drink drinks alcohol drunk beer beers wine smoking smoke cigarettes cigarette
      vaping vape weed marijuana cocaine heroin meth drugs hungover hangover blackout been_drinking been_smoking get_high got_high getting_high get_drunk
      got_drunk getting_drunk`,
  },
  {
    id: 'selfesteem',
    category: 'counseling',
    label: 'low self-esteem and self-worth',
    weight: 1.1,
    terms: `self-esteem self_esteem self-worth self_worth worthless insecure insecurity hate_myself
      not_good_enough never_good_enough inadequate useless failure ashamed shame
      loser compare_myself comparing_myself self-critical inner_critic self-confidence
      self_confidence not_smart`,
  },
  {
    id: 'anger',
    category: 'counseling',
    label: 'anger and emotional control',
    weight: 0.8,
    terms: `anger angry rage temper furious outbursts resentment mood_swings snap_at snapped`,
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
    tier: 'feeling',
    terms: `therapy therapist counselor counsellor counseling counselling psychiatrist psychologist
      mental_health medication antidepressants diagnosis diagnosed bipolar adhd schizophrenia
      borderline disorder emotions emotional feelings mood guilt guilty embarrassed`,
  },
  // coaching
  {
    id: 'career',
    category: 'coaching',
    label: 'changing careers or finding a new job direction',
    weight: 0.6,
    terms: `career careers career_change change_careers switch_careers changing_careers new_career
      job jobs interview interviews promotion unemployed laid_off fired quit_my_job new_job
      job_search job_hunting job_offer hired hiring salary raise resume retrain retraining
      profession`,
  },
  {
    id: 'study',
    category: 'coaching',
    label: 'study habits and exams',
    weight: 0.6,
    terms: `exam exams finals midterm midterms grades gpa college university semester studying
      study_habits study_schedule revision revise revising cram cramming flashcards lectures
      coursework graduate graduation dissertation thesis professor classes`,
  },
  {
    id: 'procrastination',
    category: 'coaching',
    label: 'procrastination and getting things done',
    weight: 1,
    terms: `procrastinate procrastinating procrastination putting_off put_off keep_putting
      last_minute distracted distractions
      scrolling lazy`,
  },
  {
    id: 'goals',
    category: 'coaching',
    label: 'goals, habits and motivation',
    weight: 0.8,
    tier: 'feeling',
    terms: `goal goals motivation motivated unmotivated discipline productive productivity habit
      habits routine self-improvement accountability progress confident confidence willpower
      focus stay_motivated staying_motivated off_track on_track back_on_track stick_to sticking_to
      where_to_start get_started keep_going consistent consistency slip_up setback setbacks`,
  },
  {
    id: 'fitness',
    category: 'coaching',
    label: 'fitness, exercise and diet goals',
    weight: 0.8,
    terms: `exercise exercising workout workouts walking walk walks steps step_count gym fitness
      active activity diet meals healthy eating lose_weight weight_loss weight running jogging
      pedometer fitbit calories vegetables snacks marathon 5k strength_training exercised
      workout_routine carbs carbohydrates protein portions snacking yoga stretching swimming cycling
      hiking pounds be_active more_active physically_active sedentary`,
  },
  {
    id: 'decision',
    category: 'coaching',
    label: 'making a difficult life decision',
    weight: 0.8,
    terms: `decide deciding decision decisions can't_decide cannot_decide dilemma torn
      pros_and_cons choose choosing crossroads weighing
       second-guessing`,
  },
  {
    id: 'meaning',
    category: 'coaching',
    label: 'searching for purpose and meaning in life',
    weight: 1,
    terms: `purpose meaning meaningful meaningless passion passions fulfilled unfulfilled fulfillment
      fulfilment direction my_future life_goals what_to_do_with what's_the_point calling
      aimless drifting_through existential going_nowhere stuck_in_life why_am_i bigger_than
      sense_of_purpose`,
  },
  // companionship
  {
    id: 'lonely',
    category: 'companionship',
    label: 'feeling lonely and isolated',
    weight: 1.3,
    terms: `lonely loneliness alone isolated isolation no_friends no_one_to nobody_to miss_talking
       `,
  },
  {
    id: 'listen',
    category: 'companionship',
    label: 'wanting someone to listen',
    weight: 1.3,
    terms: `someone_to_talk talk_to_me keep_me_company just_listen listen_to_me vent venting
      need_to_talk talk_to_someone off_my_chest just_talk be_my_friend
      chat_with_me stay_with_me`,
  },
  {
    id: 'smalltalk',
    category: 'companionship',
    label: 'casual chat about everyday life',
    weight: 0.6,
    terms: `hobby hobbies favorite favourite where_are_you are_you_from how_are_you how_old
      your_name you_like do_you_like what_do_you_do tell_me_about_yourself weekend travel
      travelling traveling cooking books reading nice_to_meet how_was_your your_day`,
  },
  // romantic roleplay
  {
    id: 'romance_partner',
    category: 'romantic_roleplay',
    label: 'the assistant as a romantic partner',
    weight: 1.3,
    terms: `babe darling sweetheart my_love honey be_my_girlfriend be_my_boyfriend
      my_girlfriend_now my_boyfriend_now love_you_too miss_you missed_you
      thinking_of_you our_date flirt flirting`,
  },
  {
    id: 'romance_scene',
    category: 'romantic_roleplay',
    label: 'an interactive romantic roleplay scene',
    weight: 1.3,
    terms: `roleplay role-play role_play romantic_scene you_are_my
      kiss kisses kissing cuddle cuddles cuddling seduce naughty blushes blush caress hugs_you
      kisses_you moans girlfriend_roleplay candlelit moonlight`,
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
      shows netflix album band director genre comedies dramas thrillers animation animations
      animated cartoons documentary documentaries sci-fi superhero superheroes suspense
      romantic_comedy romantic_comedies rom-com scary_movie scary_movies horror_movies classics
      remake sequel sequels franchise trailer oscar tv_show tv_shows episode episodes`,
  },
  {
    id: 'business',
    category: null,
    label: 'business and marketing',
    weight: 1,
    terms: `marketing business company product customers customer sales startup brand strategy
      market revenue pricing investors taxes tax_return audited invoice`,
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
      cuss swear revenge prank terrorism terrorist terrorists`,
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
