/** The report's sections, in page order: what report.html shows, which charts exist, which CSVs are written. */
import type { ReportSection } from './reportSection.js';
import { funnelSection } from './sections/funnel.js';
import { headlineSection } from './sections/headline.js';
import { longSection } from './sections/long.js';
import { methodsSection } from './sections/methods.js';
import { prevalenceSection } from './sections/prevalence.js';
import { privacySection } from './sections/privacy.js';
import { provenanceSection } from './sections/provenance.js';
import { pushbackSection } from './sections/pushback.js';
import { sentimentSection } from './sections/sentiment.js';
import { topicsSection } from './sections/topics.js';
import { usersSection } from './sections/users.js';

export const PAGE_SECTIONS: readonly ReportSection[] = [
  headlineSection,
  prevalenceSection,
  topicsSection,
  pushbackSection,
  sentimentSection,
  longSection,
  usersSection,
  funnelSection,
  privacySection,
  methodsSection,
  provenanceSection,
];
