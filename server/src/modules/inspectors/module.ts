import type { SpotCheckModule } from '../../core/module';
import { Inspector } from './inspector.entity';
import { InspectorResolver, RecusalResolver } from './inspector.resolver';
import { Recusal } from './recusal.entity';

export const inspectorsModule: SpotCheckModule = {
  name: 'inspectors',
  entities: [Inspector, Recusal],
  resolvers: [InspectorResolver, RecusalResolver],
  nodeTypes: [Inspector, Recusal],
};
