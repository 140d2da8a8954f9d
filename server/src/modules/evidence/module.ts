import type { SpotCheckModule } from '../../core/module';
import { EvidenceFile } from './evidence-file.entity';
import { InspectionEvidenceResolver } from './evidence.resolver';
import { registerEvidenceRoutes } from './evidence.routes';

export const evidenceModule: SpotCheckModule = {
  name: 'evidence',
  entities: [EvidenceFile],
  resolvers: [InspectionEvidenceResolver],
  routes: registerEvidenceRoutes,
};
