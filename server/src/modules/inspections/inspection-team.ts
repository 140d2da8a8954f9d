import type { EntityManager } from 'typeorm';
import { InspectionConfirmation } from './inspection-confirmation.entity';
import type { Inspection } from './inspection.entity';

/**
 * The members who confirm this record: those of its team in its own bureau. In a joint task each
 * department's part has its own team (the lead's part holds no participant's inspectors; records opened
 * before parts were kept apart may, and a participant of another bureau sits behind its wall, hidden
 * here by RLS): a participant's inspectors confirm their own part of the same visit.
 */
export async function confirmingMembers(m: EntityManager, record: Inspection): Promise<{ id: string; name: string }[]> {
  return (await m.query('SELECT id, name FROM inspectors WHERE id = ANY($1) ORDER BY name', [record.teamIds])) as { id: string; name: string }[];
}

/** Names of this bureau's members who have not confirmed the record as it now reads. */
export async function unconfirmedMembers(m: EntityManager, record: Inspection): Promise<string[]> {
  const current = new Set(
    (await m.findBy(InspectionConfirmation, { inspectionId: record.id })).filter((c) => c.contentHash === record.contentHash).map((c) => c.inspectorId),
  );
  return (await confirmingMembers(m, record)).filter((member) => !current.has(member.id)).map((member) => member.name);
}
