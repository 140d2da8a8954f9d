import { graphql } from '../../gql';
import type { InspectionAssignmentsQuery, InspectionDetailFieldsFragment, InspectionRowFragment, InspectionsQuery } from '../../gql/graphql';

export type { EvidenceCheck, HandlingInput, InspectionAction, InspectionStatus, StatementKind } from '../../gql/graphql';
export type InspectionRow = InspectionRowFragment;
export type InspectionDetail = InspectionDetailFieldsFragment;
export type EvidenceRow = NonNullable<InspectionDetail['evidence']>[number];
export type StatementRow = NonNullable<InspectionDetail['statements']>[number];
export type TeamMember = InspectionDetail['team'][number];
export type JointPart = InspectionDetail['jointParts'][number];
export type AssignmentRow = InspectionAssignmentsQuery['inspectionAssignments']['edges'][number]['node'];
export type InspectionsConnection = InspectionsQuery['inspections'];

export const INSPECTION_ROW = graphql(`
  fragment InspectionRow on Inspection {
    id
    seq
    entityName
    entityUscc
    status
    inspectedOn
    reportDueOn
    reportDueProvisional
    reportOverdue
    publicationDueOn
    publicationDueProvisional
    publicationOverdue
    reviewDueOn
    reviewOverdue
    approvalDueOn
    approvalOverdue
    reportedLateDays
    publishedLateDays
    participationId
    updatedAt
    task {
      id
      title
    }
    resultCategory {
      code
      label
      problem
    }
    team {
      id
      name
    }
  }
`);

export const INSPECTIONS = graphql(`
  query Inspections($first: Int, $after: String, $status: InspectionStatus, $taskId: ID, $mine: Boolean, $overdue: Boolean, $search: String) {
    inspections(first: $first, after: $after, status: $status, taskId: $taskId, mine: $mine, overdue: $overdue, search: $search) {
      totalCount
      edges {
        node {
          ...InspectionRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The tasks offered by the list's task filter. */
export const INSPECTION_TASK_OPTIONS = graphql(`
  query InspectionTaskOptions {
    tasks(first: 100, status: DRAWN) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

export const EVIDENCE_FIELDS = graphql(`
  fragment EvidenceFields on EvidenceFile {
    id
    fileName
    contentType
    size
    sha256
    sealed
    sealedAt
    byEntity
    createdAt
    url
    takenAt
    latitude
    longitude
    positionAccuracy
  }
`);

export const STATEMENT_FIELDS = graphql(`
  fragment StatementFields on EntityStatement {
    id
    kind
    body
    submittedAt
    afterReportDue
    afterPublication
    answer
    answeredBy
    answeredAt
    recheckRequired
    recheckResult
    recheckedAt
    settled
    attachments {
      ...EvidenceFields
    }
    inspection {
      id
    }
  }
`);

export const INSPECTION_DETAIL_FIELDS = graphql(`
  fragment InspectionDetailFields on Inspection {
    ...InspectionRow
    handling {
      outcome
      label
      basis
      deadlineWorkdays
      targetDepartmentId
      targetExternalName
      creditList
      creditValidUntil
      ownOutcome
      decided
    }
    handlingChanges {
      at
      action
      userName
      before {
        label
        deadlineWorkdays
      }
      after {
        label
        basis
        deadlineWorkdays
      }
    }
    place
    siteConditions
    findings
    interviewNotes
    submittedAt
    approvedAt
    publishedAt
    correctionReason
    createdAt
    drawId
    accessCode
    availableActions
    allConfirmed
    entity {
      id
      name
      uscc
    }
    items {
      id
      name
      department {
        id
        name
      }
    }
    team {
      id
      name
      certificateNo
      user {
        id
      }
    }
    confirmations {
      confirmedAt
      current
      inspector {
        id
      }
    }
    steps {
      action
      toStatus
      comment
      userName
      at
    }
    corrects {
      id
      status
    }
    correctedBy {
      id
      status
    }
    evidence {
      ...EvidenceFields
    }
    statements {
      ...StatementFields
    }
    jointParts {
      bureau
      department
      items
      team
      status
      statusLabel
      own
      lead
      inspectionId
    }
  }
`);

export const INSPECTION = graphql(`
  query Inspection($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Inspection {
        ...InspectionDetailFields
      }
    }
  }
`);

export const RESULT_CATEGORIES = graphql(`
  query ResultCategories {
    resultCategories {
      code
      label
      problem
      standard
      active
    }
  }
`);

export const INSPECTION_ASSIGNMENTS = graphql(`
  query InspectionAssignments($drawId: ID!, $mine: Boolean, $first: Int, $after: String) {
    inspectionAssignments(drawId: $drawId, mine: $mine, first: $first, after: $after) {
      totalCount
      edges {
        node {
          drawId
          seq
          entity {
            id
            name
            uscc
          }
          items {
            id
            name
          }
          team {
            id
            name
            user {
              id
            }
          }
          inspection {
            id
            status
            reportedLateDays
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const OPEN_INSPECTION = graphql(`
  mutation OpenInspection($drawId: ID!, $seq: Int!) {
    openInspection(drawId: $drawId, seq: $seq) {
      id
      status
    }
  }
`);

export const OPEN_JOINT_INSPECTION = graphql(`
  mutation OpenJointInspection($participationId: ID!, $seq: Int!) {
    openJointInspection(participationId: $participationId, seq: $seq) {
      id
      status
    }
  }
`);

export const SAVE_INSPECTION = graphql(`
  mutation SaveInspection($id: ID!, $input: InspectionInput!, $clientKey: String) {
    saveInspection(id: $id, input: $input, clientKey: $clientKey) {
      ...InspectionDetailFields
    }
  }
`);

export const CONFIRM_INSPECTION = graphql(`
  mutation ConfirmInspection($id: ID!) {
    confirmInspection(id: $id) {
      ...InspectionDetailFields
    }
  }
`);

export const TRANSITION_INSPECTION = graphql(`
  mutation TransitionInspection($id: ID!, $action: InspectionAction!, $comment: String, $handling: HandlingInput) {
    transitionInspection(id: $id, action: $action, comment: $comment, handling: $handling) {
      ...InspectionDetailFields
    }
  }
`);

export const CORRECT_INSPECTION = graphql(`
  mutation CorrectInspection($id: ID!, $reason: String!) {
    correctInspection(id: $id, reason: $reason) {
      id
    }
  }
`);

export const REMOVE_EVIDENCE = graphql(`
  mutation RemoveEvidence($id: ID!) {
    removeEvidence(id: $id)
  }
`);

export const VERIFY_EVIDENCE = graphql(`
  mutation VerifyInspectionEvidence($inspectionId: ID!) {
    verifyInspectionEvidence(inspectionId: $inspectionId) {
      ok
      checkedAt
      files {
        status
        actualSha256
        file {
          id
          fileName
          sha256
          byEntity
        }
      }
    }
  }
`);

export const ANSWER_STATEMENT = graphql(`
  mutation AnswerEntityStatement($id: ID!, $answer: String!, $recheck: Boolean!) {
    answerEntityStatement(id: $id, answer: $answer, recheck: $recheck) {
      ...StatementFields
    }
  }
`);

export const RECORD_RECHECK = graphql(`
  mutation RecordRecheck($id: ID!, $result: String!) {
    recordRecheck(id: $id, result: $result) {
      ...StatementFields
    }
  }
`);

export const TASK_UNREPORTED = graphql(`
  query TaskUnreported($id: ID!) {
    node(id: $id) {
      ... on Task {
        id
        endsOn
        unreportedOverdue
      }
    }
  }
`);

export const PROPOSE_HANDLING = graphql(`
  mutation ProposeHandling($id: ID!, $input: HandlingInput!) {
    proposeHandling(id: $id, input: $input) {
      ...InspectionDetailFields
    }
  }
`);

export const OWN_HANDLING_OUTCOMES = graphql(`
  query OwnHandlingOutcomes($status: OwnOutcomeStatus) {
    ownHandlingOutcomes(status: $status) {
      id
      code
      label
      behavesAs
      reason
      status
      proposedBy
      proposedByMe
      proposedAt
      reviewedBy
      reviewComment
      retireReason
    }
  }
`);
