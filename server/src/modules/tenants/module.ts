import type { SpotCheckModule } from '../../core/module';
import { Tenant } from './tenant.entity';
import { TenantResolver } from './tenant.resolver';

export const tenantsModule: SpotCheckModule = {
  name: 'tenants',
  entities: [Tenant],
  resolvers: [TenantResolver],
  orphanedTypes: [Tenant],
  nodeTypes: [Tenant],
};
