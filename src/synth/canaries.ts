/**
 * Planted PII canaries: realistic but invented identifiers, each tied to one synthetic user, so the
 * privacy layers can be tested by checking that no canary ever reaches a report. Identities are a
 * pure function of (seed, user index). Each kind is drawn through a permutation of the user index,
 * so two users never share an identifier while the run has fewer users than that kind's
 * combinations (made-up words: ~30k, i.e. n up to ~120k at the default n/4 users; others: more).
 */
import { createRng, deriveSeed, pick, type Rng } from '../util/random.js';

export const CANARY_KINDS = ['name', 'email', 'phone', 'address', 'word'] as const;
export type CanaryKind = (typeof CANARY_KINDS)[number];

export interface CanaryIdentity {
  name: string;
  email: string;
  phone: string;
  address: string;
  /** A made-up word that occurs nowhere else (e.g. a family nickname). */
  word: string;
}

const FIRST = [
  'Marisol',
  'Thaddeus',
  'Ingrid',
  'Kofi',
  'Yuki',
  'Bartholomew',
  'Leocadia',
  'Anselm',
  'Priyanka',
  'Dorotea',
  'Cosmin',
  'Henrike',
  'Tobiah',
  'Saoirse',
  'Evander',
  'Ottilie',
  'Rashida',
  'Casimir',
  'Wilhelmina',
  'Ezekiel',
  'Annika',
  'Lazarus',
  'Marguerite',
  'Ignatius',
  'Philippa',
  'Rafferty',
  'Zenobia',
  'Auberon',
  'Clementine',
  'Osric',
  'Beatrix',
  'Cornelius',
  'Delphine',
  'Emrys',
  'Florentina',
  'Gideon',
  'Hyacinth',
  'Isidore',
  'Jessamy',
  'Kasimir',
  'Ludovica',
  'Meinrad',
  'Nerissa',
  'Octavian',
  'Perpetua',
  'Quillon',
  'Rosalind',
  'Severin',
  'Tamsin',
  'Ulrike',
  'Valentijn',
  'Winifred',
  'Xanthe',
  'Yevgenia',
  'Zebulon',
  'Amadea',
  'Benedikt',
  'Calloway',
  'Desdemona',
  'Eulalia',
  'Fennimore',
  'Griselda',
  'Hartwell',
  'Iolanthe',
  'Jago',
  'Keturah',
  'Leopoldine',
  'Mordecai',
  'Nikolina',
  'Orla',
];
const LAST = [
  'Okonkwo-Lindqvist',
  'Featherstonehaugh',
  'Vasquez-Ombrelli',
  'Przybylski',
  'Thistlewood',
  'Abernathy-Sato',
  'Quennell',
  'Drummond-Achebe',
  'Vanterpool',
  'Kowalczyk-Reyes',
  'Ashcombe',
  'Ferreira-Nakamura',
  'Gallagher-Moss',
  'Heppenstall',
  'Ironmonger',
  'Jablonowski',
  'Kittredge',
  'Lindenbaum',
  'Montgomery-Osei',
  'Nightingale-Park',
  'Oyelaran',
  'Pemberton-Kaur',
  'Quarrington',
  'Rasmussen-Diaz',
  'Scarborough',
  'Tregarthen',
  'Underhill-Mbeki',
  'Vandersloot',
  'Wetherell',
  'Yarborough',
  'Zabrowski',
  'Achterberg',
  'Blennerhassett',
  'Cholmondeley',
  'Dunleavy',
  'Eversleigh',
  'Fitzwarren',
  'Grimaldi-Holt',
  'Hollingworth',
  'Inglethorpe',
  'Jaramillo-Berg',
  'Kingsolver',
  'Loughran',
  'Marchbanks',
  'Nettleford',
  'Ormerod',
  'Pennywhistle',
  'Quigley-Tanaka',
  'Rotherwood',
  'Sandalwood',
  'Tolliver',
  'Umberfield',
  'Verhoeven-Ali',
  'Wainwright',
  'Xavier-Holm',
  'Yelverton',
  'Zuckerman-Oduya',
  'Bramwell',
  'Castellanos-Frey',
  'Dewhurst',
  'Eskildsen',
  'Fairweather',
  'Gwillim',
  'Harcourt-Ng',
  'Isherwood',
  'Jorgensen-Lee',
];
const MIDDLE = 'ABCDEFGHJKLMNPRSTVW';
const DOMAINS = [
  'examplemail.com',
  'mailbox.example',
  'inbox-demo.net',
  'postbox.example.org',
  'fakemail.io',
];
const STREETS = [
  'Larkspur',
  'Wexford',
  'Hollowbrook',
  'Quillfeather',
  'Marrowdale',
  'Penhaligon',
  'Ashgrove',
  'Tidewater',
  'Bramblecote',
  'Cinderford',
  'Dovecote',
  'Elderberry',
  'Foxglove',
  'Gorsemoor',
  'Hazelmere',
  'Ironbridge',
];
const STREET_SUFFIX = ['Street', 'Lane', 'Avenue', 'Road', 'Close', 'Crescent', 'Drive', 'Way'];
const CITIES = [
  'Springfield, IL 62704',
  'Portland, OR 97214',
  'Leeds LS6 2QT',
  'Bristol BS3 4HB',
  'Austin, TX 78704',
  'Dunedin 9016',
  'Halifax, NS B3H 2Y9',
  'Galway H91 E2K3',
];
const AREA_CODES = ['212', '415', '503', '617', '312', '206', '720', '404', '512', '919'];
const ONSETS = [
  'zor',
  'blax',
  'quin',
  'vex',
  'thrum',
  'glim',
  'skarn',
  'ploz',
  'wub',
  'frel',
  'dask',
  'yorv',
];
const MIDDLES = [
  'bla',
  'xi',
  'qua',
  'zen',
  'throp',
  'mog',
  'lix',
  'vur',
  'dro',
  'kesh',
  'pli',
  'zum',
  'gra',
  'nox',
  'tev',
  'yub',
];
const ENDINGS = ['xian', 'ith', 'oth', 'azzle', 'umbry', 'ique', 'orix', 'andel', 'ywick', 'ulon'];

/** A prime that divides none of the spaces below, so i ↦ (i·P + c) mod N is a bijection on each. */
const PERMUTE_PRIME = 1_000_003;

export function canaryIdentity(seed: number, userIndex: number): CanaryIdentity {
  const rng = createRng(deriveSeed(seed, `canary-user:${userIndex}`));
  const slot = (kind: string, space: number) =>
    (userIndex * PERMUTE_PRIME + (deriveSeed(seed, `canary-offset:${kind}`) % space)) % space;
  const n = slot('name', FIRST.length * LAST.length * MIDDLE.length);
  const first = FIRST[n % FIRST.length];
  const last = LAST[Math.floor(n / FIRST.length) % LAST.length];
  const middle = MIDDLE[Math.floor(n / (FIRST.length * LAST.length))];
  const name = `${first} ${middle}. ${last}`;
  const local = `${first}.${middle}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  const email = `${local}@${pick(rng, DOMAINS)}`;
  const p = slot('phone', AREA_CODES.length * 10_000);
  const phone = `+1 (${AREA_CODES[Math.floor(p / 10_000)]}) 555-${String(p % 10_000).padStart(4, '0')}`;
  const a = slot('address', 9_000 * STREETS.length * STREET_SUFFIX.length);
  const street = `${STREETS[Math.floor(a / 9_000) % STREETS.length]} ${STREET_SUFFIX[Math.floor(a / (9_000 * STREETS.length))]}`;
  const address = `${100 + (a % 9_000)} ${street}, ${pick(rng, CITIES)}`;
  const w = slot('word', ONSETS.length * MIDDLES.length * MIDDLES.length * ENDINGS.length);
  const word =
    ONSETS[w % ONSETS.length] +
    MIDDLES[Math.floor(w / ONSETS.length) % MIDDLES.length] +
    MIDDLES[Math.floor(w / (ONSETS.length * MIDDLES.length)) % MIDDLES.length] +
    ENDINGS[Math.floor(w / (ONSETS.length * MIDDLES.length * MIDDLES.length))];
  return { name, email, phone, address, word };
}

const EN_TEMPLATES: Readonly<Record<CanaryKind, readonly string[]>> = {
  name: ['My name is {v}, by the way.', 'I am {v}.', '(This is {v} writing.)', 'Please sign it as {v}.'],
  email: ['You can reach me at {v}.', 'My email is {v} if that matters.', 'Send it to {v} please.'],
  phone: ['My number is {v}.', 'Call me on {v} if needed.', 'My phone is {v}.'],
  address: ['I live at {v}.', 'My address is {v}.', 'It would be delivered to {v}.'],
  word: [
    'My family calls this feeling "{v}".',
    'Our dog is named {v}, by the way.',
    'We always say {v} at home when that happens.',
    'My nickname at school was {v}.',
  ],
};

const ZH_TEMPLATES: Readonly<Record<CanaryKind, readonly string[]>> = {
  name: ['我叫{v}。'],
  email: ['我的邮箱是{v}。'],
  phone: ['我的电话是{v}。'],
  address: ['我住在{v}。'],
  word: ['我们家管这个叫"{v}"。'],
};

/** A sentence carrying one identifier, in the conversation's language. */
export function canarySentence(rng: Rng, kind: CanaryKind, value: string, language: 'en' | 'zh'): string {
  const t = pick(rng, (language === 'zh' ? ZH_TEMPLATES : EN_TEMPLATES)[kind]);
  return t.replace('{v}', value);
}

/** Which identifiers a canary conversation carries: one or two kinds, names and words most often. */
export function chooseCanaryKinds(rng: Rng): CanaryKind[] {
  const weighted: CanaryKind[] = ['name', 'name', 'word', 'word', 'email', 'phone', 'address'];
  const first = pick(rng, weighted);
  if (rng() < 0.35) {
    const second = pick(rng, weighted);
    if (second !== first) return [first, second];
  }
  return [first];
}
