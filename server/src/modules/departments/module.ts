import type { SpotCheckModule } from '../../core/module';
import { Department } from './department.entity';
import { DepartmentResolver } from './department.resolver';

export const departmentsModule: SpotCheckModule = {
  name: 'departments',
  entities: [Department],
  resolvers: [DepartmentResolver],
  orphanedTypes: [Department],
  nodeTypes: [Department],
};
