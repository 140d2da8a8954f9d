import type { SpotCheckModule } from '../../core/module';
import { AuditAnchor, AuditAnchorCopy } from './audit-anchor.entity';
import { auditAnchorJob } from './audit-anchor.job';
import { AuditAnchorResolver } from './audit-anchor.resolver';
import { AuditEvent } from './audit-event.entity';
import { AuditResolver } from './audit.resolver';

export const auditModule: SpotCheckModule = {
  name: 'audit',
  entities: [AuditAnchor, AuditAnchorCopy, AuditEvent],
  resolvers: [AuditAnchorResolver, AuditResolver],
  orphanedTypes: [AuditEvent],
  nodeTypes: [AuditEvent],
  jobs: [auditAnchorJob],
};
