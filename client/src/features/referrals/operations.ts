import { graphql } from '../../gql';
import type { ReceivedReferralFieldsFragment, RecordReferralsQuery } from '../../gql/graphql';

export type { ReferralStatus, ReferralStep } from '../../gql/graphql';
export type ReceivedReferralRow = ReceivedReferralFieldsFragment;
type RecordNode = Extract<NonNullable<RecordReferralsQuery['node']>, { __typename: 'Inspection' }>;
export type OwnReferral = RecordNode['referrals'][number];

export const RECORD_REFERRALS = graphql(`
  query RecordReferrals($id: ID!) {
    node(id: $id) {
      __typename
      ... on Inspection {
        id
        referrals {
          id
          status
          targetKind
          targetBureauName
          targetDepartmentName
          reason
          proposedAt
          decidedAt
          decisionNote
          sentOn
          acceptDueOn
          acceptedOn
          returnedOn
          returnReason
          filedOn
          caseNo
          notFiledOn
          notFiledReason
          closedOn
          closingNote
        }
      }
    }
  }
`);

export const REFERRAL_DEPARTMENTS = graphql(`
  query ReferralDepartments($search: String) {
    jointPartnerDepartments(search: $search, first: 100) {
      edges {
        node {
          id
          name
          bureauName
        }
      }
    }
  }
`);

export const PROPOSE_REFERRAL = graphql(`
  mutation ProposeReferral($inspectionId: ID!, $target: ReferralTargetGql!, $reason: String!) {
    proposeReferral(inspectionId: $inspectionId, target: $target, reason: $reason) {
      id
      status
    }
  }
`);

export const APPROVE_REFERRAL = graphql(`
  mutation ApproveReferral($id: ID!) {
    approveReferral(id: $id) {
      id
      status
    }
  }
`);

export const REJECT_REFERRAL = graphql(`
  mutation RejectReferral($id: ID!, $note: String!) {
    rejectReferral(id: $id, note: $note) {
      id
      status
    }
  }
`);

export const WITHDRAW_REFERRAL = graphql(`
  mutation WithdrawReferral($id: ID!) {
    withdrawReferral(id: $id) {
      id
      status
    }
  }
`);

export const RECORD_EXTERNAL_REFERRAL_STEP = graphql(`
  mutation RecordExternalReferralStep($id: ID!, $input: ReferralStepGql!) {
    recordExternalReferralStep(id: $id, input: $input) {
      id
      status
    }
  }
`);

export const RECEIVED_REFERRAL_FIELDS = graphql(`
  fragment ReceivedReferralFields on ReceivedReferral {
    id
    status
    fromBureauName
    targetKind
    targetDepartmentId
    targetDepartmentName
    reason
    entityName
    entityUscc
    findings
    resultLabel
    inspectedOn
    evidence {
      fileName
      contentType
      size
    }
    sentOn
    acceptDueOn
    acceptedOn
    returnedOn
    returnReason
    filedOn
    caseNo
    notFiledOn
    notFiledReason
    closedOn
    closingNote
  }
`);

export const RECEIVED_REFERRALS = graphql(`
  query ReceivedReferrals($status: ReferralStatus, $first: Int, $after: String) {
    receivedReferrals(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          ...ReceivedReferralFields
        }
      }
    }
  }
`);

export const RECEIVED_REFERRAL = graphql(`
  query ReceivedReferral($id: ID!) {
    receivedReferral(id: $id) {
      ...ReceivedReferralFields
    }
  }
`);

export const RECORD_REFERRAL_STEP = graphql(`
  mutation RecordReferralStep($id: ID!, $input: ReferralStepGql!) {
    recordReferralStep(id: $id, input: $input) {
      ...ReceivedReferralFields
    }
  }
`);
