import { describe, expect, it } from 'vitest';
import { detectPii, luhnValid, type PiiKind, verhoeffValid } from '../../src/privacy/pii.js';

const kinds = (t: string): PiiKind[] => detectPii(t).map((h) => h.kind);

describe('detectPii', () => {
  it.each<[string, PiiKind, string]>([
    ['write to maple.fern77@example.org today', 'email', 'maple.fern77@example.org'],
    ['see https://example.net/profile?id=12.', 'url', 'https://example.net/profile?id=12'],
    ['my blog at www.quietlake.io', 'url', 'www.quietlake.io'],
    ['posted on fernwood-notes.com/about', 'url', 'fernwood-notes.com/about'],
    ['login from 192.168.14.201 failed', 'ip_address', '192.168.14.201'],
    ['server 2001:db8:85a3::8a2e:370:7334 down', 'ip_address', '2001:db8:85a3::8a2e:370:7334'],
    ['card 4111 1111 1111 1111 was declined', 'card_number', '4111 1111 1111 1111'],
    ['card 5500-0000-0000-0004 expired', 'card_number', '5500-0000-0000-0004'],
    ['ssn 123-45-6789 on the form', 'government_id', '123-45-6789'],
    ['my NI number is JT 12 34 56 C', 'government_id', 'JT 12 34 56 C'],
    ['SIN 046 454 286 for taxes', 'government_id', '046 454 286'],
    ['aadhaar 2341 2341 2346 linked', 'government_id', '2341 2341 2346'],
    ['IBAN GB82 WEST 1234 5698 7654 32 please', 'iban', 'GB82 WEST 1234 5698 7654 32'],
    ['call +44 20 7946 0958 tonight', 'phone', '+44 20 7946 0958'],
    ['call +1 (415) 555-0132 now', 'phone', '+1 (415) 555-0132'],
    ['my number (415) 555-0132 if needed', 'phone', '(415) 555-0132'],
    ['reach me at 415-555-0132 2 times a day', 'phone', '415-555-0132'],
    ['mobile 07700 900123 always on', 'phone', '07700 900123'],
    ['office 020 7946 0958 closed', 'phone', '020 7946 0958'],
    ['she lives at 12 Elm Street with him', 'street_address', '12 Elm Street'],
    ['moved to 221B Baker St. last year', 'street_address', '221B Baker St.'],
    ['near 4500 north lake shore drive apartments', 'street_address', '4500 north lake shore drive'],
    ['send to PO Box 4471', 'street_address', 'PO Box 4471'],
    ['postcode SW1A 1AA area', 'postcode', 'SW1A 1AA'],
    ['my sister Olivia is upset', 'person_name', 'Olivia'],
    ['divorce of Jane Doe at home', 'person_name', 'Jane Doe'],
    ['talked to Mr. Castellano again', 'person_name', 'Mr. Castellano'],
    ['Dr Whitfield said so', 'person_name', 'Dr Whitfield'],
    ['my boss Will Abernathy', 'person_name', 'Will Abernathy'],
    ['a letter from J. Okafor arrived', 'person_name', 'J. Okafor'],
    ["fight with Sean O'Brien", 'person_name', "O'Brien"],
    ['Uncle Bob keeps calling', 'person_name', 'Uncle Bob'],
  ])('%s → %s', (text, kind, match) => {
    const hits = detectPii(text).filter((h) => h.kind === kind);
    expect(hits.map((h) => h.match)).toContain(match);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.match);
  });

  it('checks card numbers with Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(kinds('card 4111 1111 1111 1112 was declined')).not.toContain('card_number');
    expect(kinds('order 1234567890123456 shipped')).not.toContain('card_number');
    expect(verhoeffValid('234123412346')).toBe(true);
    expect(verhoeffValid('234123412345')).toBe(false);
    expect(kinds('SIN 046 454 287 for taxes')).not.toContain('government_id');
  });

  it.each([
    'anxiety about work',
    'Anxiety about work and sleep',
    'May I ask how to cope?',
    'Will I ever feel better after the breakup',
    'Grace under pressure at a new job',
    'Hope and healing after loss',
    'Coping With Loss And Grief',
    'Relationship Advice For Long Distance Couples',
    'Navigating Foster Care And Adoption',
    'Bill payment stress and money worries',
    'Moving to Paris for a new job',
    'Family pressure in India about marriage',
    'Conversations about sleep and stress; 42 conversations.',
    'Conversations about loneliness; 1,234 conversations.',
    'Studying for exams in 2024-01-31 week, 10-20 hours a day',
    'a 10 minute drive to work every day',
    'walked 5 miles down the road to think',
    'the 3 best ways to calm down',
    'scored 9 out of 10 on the test',
    'Ages 18-25 and career doubts',
    'Feeling stuck at work.In the end it got better',
    'version 1.2.3 of the plan',
    'Sunday night dread before Monday meetings',
    'Christmas with family in December',
    'Grief after losing a pet, step 1 of 12',
    'Questions about Jungian shadow work',
    'Worries about a Leo partner in astrology',
    'Finding time for self-care at 3 am',
  ])('no false positive: %s', (text) => {
    expect(detectPii(text)).toEqual([]);
  });
});

describe('names and organisations from several cultures', () => {
  it('finds a given name before a capitalised word outside general English', () => {
    for (const t of [
      'My coworker Dana Whitfield told me',
      'worried about Priya Venkataraman',
      'my friend Chinedu Okonkwo left',
      'Yael Mizrahi and I argued',
      'Soo-jin Park keeps calling',
      'my neighbour Mehmet Yilmaz',
      'Lars Lindqvist from the gym',
    ])
      expect(kinds(t), t).toContain('person_name');
  });

  it('finds honorifics and honorific suffixes', () => {
    for (const t of [
      'Pastor Mike said',
      'I told Dr. Okafor',
      'Tanaka-san keeps yelling',
      'Señora Gutierrez called',
    ])
      expect(kinds(t), t).toContain('person_name');
  });

  it('finds Chinese names in Han script: standalone, after a cue, or before a title', () => {
    for (const t of ['my coworker 王伟 is sick', '李娜', '我的同事李娜告诉我', '王先生很生气', '欧阳娜娜'])
      expect(kinds(t), t).toContain('person_name');
    // Running Chinese text without a cue is not a name ("高兴" starts with the surname 高).
    expect(kinds('我很高兴')).toEqual([]);
  });

  it('finds organisations: a rare word before an organisation word, or a cued run outside titles', () => {
    for (const t of [
      'My coworker at Norbridge Logistics',
      'Stress at Riverside Hospital',
      'she joined Brightwell Labs',
      'bullying at Kingsgate Academy',
    ])
      expect(kinds(t), t).toContain('organisation');
  });

  it('leaves ordinary concern phrases and titles alone', () => {
    for (const t of [
      'Can I talk to you',
      'Conflict with a boss or coworkers',
      'Supporting a coworker who is HIV positive',
      'Anxiety About Medical School',
      'Grief after losing a loved one',
      'Stress at work and trouble sleeping',
      'Loneliness at Christmas',
    ])
      expect(kinds(t), t).toEqual([]);
  });
});
