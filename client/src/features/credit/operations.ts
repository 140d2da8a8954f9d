/** 信用公示's documents: the bureau's lists and approvals, the portal's public list, the entity's repair request. */
import { graphql } from '../../gql';
import type { CreditListEntriesQuery, CreditRepairRequestsQuery, EntityCreditEntriesQuery, PublicCreditListQuery } from '../../gql/graphql';

export type CreditEntryRow = CreditListEntriesQuery['creditListEntries'][number];
export type CreditRepairRow = CreditRepairRequestsQuery['creditRepairRequests'][number];
export type PublicCreditRow = PublicCreditListQuery['publicCreditList'][number];
export type EntityCreditRow = EntityCreditEntriesQuery['entityCreditEntries'][number];

export const CREDIT_ENTRY_FIELDS = graphql(`
  fragment CreditEntryFields on CreditListEntryView {
    id
    list
    entityId
    entityName
    entityUscc
    reason
    legalBasis
    decidedOn
    validUntil
    status
    inForce
    proposedByName
    proposedByMe
    proposedAt
    reviewComment
    endedOn
  }
`);

export const CREDIT_LIST_ENTRIES = graphql(`
  query CreditListEntries($status: CreditEntryStatus, $list: CreditListKind) {
    creditListEntries(status: $status, list: $list) {
      ...CreditEntryFields
    }
  }
`);

export const CREDIT_REPAIR_REQUESTS = graphql(`
  query CreditRepairRequests($status: CreditRepairStatus) {
    creditRepairRequests(status: $status) {
      id
      reasons
      status
      submittedAt
      decisionNote
      decidedByMe
      reviewComment
      entry {
        ...CreditEntryFields
      }
    }
  }
`);

export const CREDIT_ENTITY_SEARCH = graphql(`
  query CreditEntitySearch($search: String) {
    entities(search: $search, first: 20) {
      edges {
        node {
          id
          name
          uscc
        }
      }
    }
  }
`);

export const PROPOSE_CREDIT_ENTRY = graphql(`
  mutation ProposeCreditEntry($input: CreditEntryInput!) {
    proposeCreditEntry(input: $input) {
      ...CreditEntryFields
    }
  }
`);

export const REVIEW_CREDIT_ENTRY = graphql(`
  mutation ReviewCreditEntry($id: ID!, $approve: Boolean!, $comment: String) {
    reviewCreditEntry(id: $id, approve: $approve, comment: $comment) {
      ...CreditEntryFields
    }
  }
`);

export const DECIDE_CREDIT_REPAIR = graphql(`
  mutation DecideCreditRepair($id: ID!, $grant: Boolean!, $note: String) {
    decideCreditRepair(id: $id, grant: $grant, note: $note) {
      id
      status
    }
  }
`);

export const REVIEW_CREDIT_REPAIR = graphql(`
  mutation ReviewCreditRepair($id: ID!, $approve: Boolean!, $comment: String) {
    reviewCreditRepair(id: $id, approve: $approve, comment: $comment) {
      id
      status
    }
  }
`);

export const PUBLIC_CREDIT_LIST = graphql(`
  query PublicCreditList($bureauId: ID!) {
    publicCreditList(bureauId: $bureauId) {
      id
      list
      entityName
      entityUscc
      reason
      legalBasis
      decidedOn
      validUntil
    }
  }
`);

export const ENTITY_CREDIT_ENTRIES = graphql(`
  query EntityCreditEntries($accessCode: String!) {
    entityCreditEntries(accessCode: $accessCode) {
      id
      list
      reason
      legalBasis
      decidedOn
      validUntil
      repairs {
        id
        reasons
        status
        submittedAt
        note
      }
    }
  }
`);

export const REQUEST_CREDIT_REPAIR = graphql(`
  mutation RequestCreditRepair($accessCode: String!, $entryId: ID!, $reasons: String!) {
    requestCreditRepair(accessCode: $accessCode, entryId: $entryId, reasons: $reasons) {
      id
    }
  }
`);

export const JOINT_PUNISHMENT = graphql(`
  query JointPunishment {
    jointPunishment {
      enabled
      weight
      reason
      updatedAt
    }
  }
`);

export const SET_JOINT_PUNISHMENT = graphql(`
  mutation SetJointPunishment($input: JointPunishmentInput!, $reason: String!) {
    setJointPunishment(input: $input, reason: $reason) {
      enabled
      weight
      reason
      updatedAt
    }
  }
`);
