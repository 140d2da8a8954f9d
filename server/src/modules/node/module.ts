import type { SpotCheckModule } from '../../core/module';
import { NodeResolver } from './node.resolver';

export const nodeModule: SpotCheckModule = {
  name: 'node',
  resolvers: [NodeResolver],
};
