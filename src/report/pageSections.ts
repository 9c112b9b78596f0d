/** The report's sections, in page order: what report.html shows, which charts exist, which CSVs are written. */
import type { ReportSection } from './reportSection.js';
import { crisisSection } from './sections/crisis.js';
import { dependencySection } from './sections/dependency.js';
import { driftSection } from './sections/drift.js';
import { estimationSection } from './sections/estimation.js';
import { funnelSection } from './sections/funnel.js';
import { headlineSection } from './sections/headline.js';
import { longSection } from './sections/long.js';
import { methodsSection } from './sections/methods.js';
import { overTimeSection } from './sections/overTime.js';
import { powerUsersSection } from './sections/powerUsers.js';
import { prevalenceSection } from './sections/prevalence.js';
import { privacySection } from './sections/privacy.js';
import { provenanceSection } from './sections/provenance.js';
import { pushbackSection } from './sections/pushback.js';
import { referralSection } from './sections/referral.js';
import { segmentsSection } from './sections/segments.js';
import { sentimentSection } from './sections/sentiment.js';
import { stanceSection } from './sections/stance.js';
import { topicsSection } from './sections/topics.js';
import { usersSection } from './sections/users.js';

export const PAGE_SECTIONS: readonly ReportSection[] = [
  headlineSection,
  prevalenceSection,
  topicsSection,
  pushbackSection,
  referralSection,
  crisisSection,
  stanceSection,
  sentimentSection,
  longSection,
  usersSection,
  powerUsersSection,
  overTimeSection,
  segmentsSection,
  driftSection,
  dependencySection,
  funnelSection,
  estimationSection,
  privacySection,
  methodsSection,
  provenanceSection,
];
