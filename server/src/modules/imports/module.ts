import type { SpotCheckModule } from '../../core/module';
import { ImportError } from './import-error.entity';
import { ImportJob } from './import-job.entity';
import { importRecoveryJob } from './import-recovery';
import { ImportResolver } from './import.resolver';
import { registerImportRoutes } from './import.routes';

export const importsModule: SpotCheckModule = {
  name: 'imports',
  entities: [ImportJob, ImportError],
  resolvers: [ImportResolver],
  nodeTypes: [ImportJob],
  jobs: [importRecoveryJob],
  routes: registerImportRoutes,
};
