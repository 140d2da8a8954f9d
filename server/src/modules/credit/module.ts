import type { SpotCheckModule } from '../../core/module';
import { CreditRecord } from './credit-record.entity';
import { CreditResolver } from './credit.resolver';
import { CreditListEntry } from './credit-list-entry.entity';
import { CreditRepairRequest } from './credit-repair-request.entity';
import { JointPunishmentSetting } from './joint-punishment-setting.entity';
import { CreditListsResolver } from './credit-lists.resolver';
import { JointPunishmentResolver } from './joint-punishment.resolver';

export const creditModule: SpotCheckModule = {
  name: 'credit',
  entities: [CreditRecord, CreditListEntry, CreditRepairRequest, JointPunishmentSetting],
  resolvers: [CreditResolver, CreditListsResolver, JointPunishmentResolver],
};
