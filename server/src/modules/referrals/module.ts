import type { SpotCheckModule } from '../../core/module';
import { Referral } from './referral.entity';
import { referralDeadlines } from './referral-deadline-source';
import { InspectionReferralResolver, ReferralResolver } from './referral.resolver';

/** Referrals (移送) of inspection records, within a bureau, to another bureau, or to an external body. */
export const referralsModule: SpotCheckModule = {
  name: 'referrals',
  entities: [Referral],
  resolvers: [ReferralResolver, InspectionReferralResolver],
  deadlineSources: [referralDeadlines],
};
