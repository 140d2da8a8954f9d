import type { SpotCheckModule } from '../../core/module';
import { CreditRecord } from './credit-record.entity';
import { CreditResolver } from './credit.resolver';

export const creditModule: SpotCheckModule = {
  name: 'credit',
  entities: [CreditRecord],
  resolvers: [CreditResolver],
};
