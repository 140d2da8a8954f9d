import { creditSection } from './credit-section';
import { handlingSection } from './handling-section';
import { inspectionsSection } from './inspections-section';
import { latenessSection } from './lateness-section';
import { rectificationSection } from './rectification-section';
import { referralsSection } from './referrals-section';
import type { ReportSection, SectionName } from './section';
import { workSection } from './work-section';

/** The report's sections in the order they are shown and printed. */
export const SECTIONS: readonly ReportSection<unknown>[] = [
  workSection,
  inspectionsSection,
  latenessSection,
  handlingSection,
  rectificationSection,
  referralsSection,
  creditSection,
];

export type { ReportSection, SectionName };
