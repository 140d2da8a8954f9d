import type { SpotCheckModule } from '../../core/module';
import { RoleGrant } from './role-grant.entity';
import { RoleGrantResolver } from './role-grant.resolver';
import { User } from './user.entity';
import { UserResolver } from './user.resolver';

export const usersModule: SpotCheckModule = {
  name: 'users',
  entities: [User, RoleGrant],
  resolvers: [UserResolver, RoleGrantResolver],
  orphanedTypes: [User],
  nodeTypes: [User],
};
