import type { SpotCheckModule } from '../../core/module';
import { Region } from './region.entity';
import { RegionResolver } from './region.resolver';

export const regionsModule: SpotCheckModule = {
  name: 'regions',
  entities: [Region],
  resolvers: [RegionResolver],
  referenceData: [{ entity: Region, key: 'code' }],
};
