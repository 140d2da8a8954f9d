import type { SpotCheckModule } from '../../core/module';
import { HandlingResolver } from './handling.resolver';
import { OwnHandlingOutcome } from './own-outcome.entity';
import { OwnOutcomesResolver } from './own-outcomes.resolver';

/** 处理建议 → 处理决定 on the inspection record (stored on the record itself), and the bureau's own outcomes. */
export const handlingModule: SpotCheckModule = {
  name: 'handling',
  entities: [OwnHandlingOutcome],
  resolvers: [HandlingResolver, OwnOutcomesResolver],
};
