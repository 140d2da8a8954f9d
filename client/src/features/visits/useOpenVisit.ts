/**
 * One tap into a visit's record: opens it first when the team has not yet (openInspection and
 * openJointInspection are idempotent); a joint task's visit opens this bureau's own part of the record.
 */
import { useMutation } from '@apollo/client/react';
import { LINKS, navigate } from '../../app/navigation';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { useRowAction } from '../../app/useRowAction';
import { OPEN_INSPECTION, OPEN_JOINT_INSPECTION } from '../inspections/operations';
import type { VisitRow } from './operations';

export const visitKey = (v: Pick<VisitRow, 'drawId' | 'seq'>) => `${v.drawId}:${v.seq}`;

export function useOpenVisit() {
  const [open] = useMutation(OPEN_INSPECTION);
  const [openJoint] = useMutation(OPEN_JOINT_INSPECTION);
  const notify = useNotifyProblem();
  const { busyId, run } = useRowAction();
  const openVisit = (visit: VisitRow) =>
    run(visitKey(visit), async () => {
      if (visit.inspectionId) return navigate(LINKS.inspection(visit.inspectionId));
      try {
        const refetchQueries = ['MyVisits'];
        const id = visit.participationId
          ? (await openJoint({ variables: { participationId: visit.participationId, seq: visit.seq }, refetchQueries })).data?.openJointInspection.id
          : (await open({ variables: { drawId: visit.drawId, seq: visit.seq }, refetchQueries })).data?.openInspection.id;
        if (id) navigate(LINKS.inspection(id));
      } catch (e) {
        notify(e);
      }
    });
  return { busyKey: busyId, openVisit };
}
