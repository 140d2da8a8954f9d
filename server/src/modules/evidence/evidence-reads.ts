import { In, IsNull } from 'typeorm';
import type { Role } from '@spotcheck/shared';
import { requireViewer, type RequestContext } from '../../graphql/context';
import { childrenLoader, perRequest } from '../../graphql/request-loaders';
import { viewerOnTeam } from '../inspections/inspection-reads';
import type { Inspection } from '../inspections/inspection.entity';
import { EvidenceFile } from './evidence-file.entity';
import { evidenceView, type EvidenceFileView } from './evidence.types';

/** Besides the team, those who read a record's evidence: the office, department heads, the leader, the supervisor. */
export const EVIDENCE_READERS: Role[] = ['OFFICE', 'DEPARTMENT_HEAD', 'LEADER', 'SUPERVISOR'];

/** The team's files of each record (not the entity's attachments to its statements), oldest first. */
function teamEvidenceLoader(ctx: RequestContext) {
  return childrenLoader(
    ctx,
    (m, ids) =>
      m.find(EvidenceFile, {
        where: { tenantId: requireViewer(ctx).tenantId, inspectionId: In(ids), statementId: IsNull(), rectificationId: IsNull() },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    (file) => file.inspectionId!,
  );
}

/** Whether the viewer may read the record's evidence and the entity's statements on it. */
export async function viewerReadsEvidence(ctx: RequestContext, record: Pick<Inspection, 'teamIds'>): Promise<boolean> {
  return requireViewer(ctx).roles.some((r) => EVIDENCE_READERS.includes(r)) || (await viewerOnTeam(ctx, record));
}

/** The record's evidence as its staff see it; null for those who may not read it. */
export async function recordEvidence(ctx: RequestContext, record: Inspection): Promise<EvidenceFileView[] | null> {
  if (!(await viewerReadsEvidence(ctx, record))) return null;
  return (await perRequest(ctx, teamEvidenceLoader).load(record.id)).map((f) => evidenceView(f, 'staff'));
}
