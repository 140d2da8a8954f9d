import type { SpotCheckModule } from '../../core/module';
import { EntityResolver } from './entity.resolver';
import { MarketEntityChange } from './market-entity-change.entity';
import { MarketEntity } from './market-entity.entity';

export const entitiesModule: SpotCheckModule = {
  name: 'entities',
  entities: [MarketEntity, MarketEntityChange],
  resolvers: [EntityResolver],
  nodeTypes: [MarketEntity],
};
