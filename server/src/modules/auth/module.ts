import type { SpotCheckModule } from '../../core/module';
import { AuthResolver, SessionResolver } from './auth.resolver';
import { Session } from './session.entity';

export const authModule: SpotCheckModule = {
  name: 'auth',
  entities: [Session],
  resolvers: [AuthResolver, SessionResolver],
  orphanedTypes: [Session],
  nodeTypes: [Session],
};
