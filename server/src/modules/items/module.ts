import type { SpotCheckModule } from '../../core/module';
import { InspectionItemVersion } from './inspection-item-version.entity';
import { InspectionItem } from './inspection-item.entity';
import { ItemResolver } from './item.resolver';

export const itemsModule: SpotCheckModule = {
  name: 'items',
  entities: [InspectionItem, InspectionItemVersion],
  resolvers: [ItemResolver],
  nodeTypes: [InspectionItem],
};
