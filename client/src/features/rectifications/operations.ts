import { graphql } from '../../gql';
import type { InspectionRectificationsQuery } from '../../gql/graphql';

export type OwnRectification = InspectionRectificationsQuery['inspectionRectifications'][number];

export const INSPECTION_RECTIFICATIONS = graphql(`
  query InspectionRectifications($inspectionId: ID!) {
    inspectionRectifications(inspectionId: $inspectionId) {
      id
      status
      basis
      openedOn
      dueWorkingDays
      dueOn
      overdue
      reportText
      reportedOn
      recheckResult
      recheckPassed
      recheckedOn
      recheckTeam
      recheckDraw
      reportFiles {
        id
        fileName
        size
        url
      }
      proposedOutcome
      closingNote
      closedOn
    }
  }
`);

export const OPEN_RECTIFICATION = graphql(`
  mutation OpenRectification($inspectionId: ID!, $dueWorkingDays: Int!, $basis: String!) {
    openRectification(inspectionId: $inspectionId, dueWorkingDays: $dueWorkingDays, basis: $basis) {
      id
    }
  }
`);

export const RECORD_RECTIFICATION_RECHECK = graphql(`
  mutation RecordRectificationRecheck($id: ID!, $passed: Boolean!, $result: String!) {
    recordRectificationRecheck(id: $id, passed: $passed, result: $result) {
      id
      status
    }
  }
`);

export const PROPOSE_RECTIFICATION_CLOSING = graphql(`
  mutation ProposeRectificationClosing($id: ID!, $outcome: RectificationStatus!, $note: String!) {
    proposeRectificationClosing(id: $id, outcome: $outcome, note: $note) {
      id
      status
    }
  }
`);

export const DECIDE_RECTIFICATION_CLOSING = graphql(`
  mutation DecideRectificationClosing($id: ID!, $approve: Boolean!) {
    decideRectificationClosing(id: $id, approve: $approve) {
      id
      status
    }
  }
`);

export const ENTITY_RECTIFICATION = graphql(`
  query EntityRectification($accessCode: String!) {
    entityRectification(accessCode: $accessCode) {
      status
      basis
      dueOn
      reportText
      reportedOn
      closedOn
      files {
        ...EntityFileFields
      }
    }
  }
`);

export const REPORT_ENTITY_RECTIFICATION = graphql(`
  mutation ReportEntityRectification($accessCode: String!, $body: String!) {
    reportEntityRectification(accessCode: $accessCode, body: $body) {
      status
      reportText
      reportedOn
    }
  }
`);
