/** The bureau's audit trail: the events (filtered), the hash-chain check and the live feed of new events. */
import { graphql } from '../../gql';
import type { AuditEventsQuery, VerifyAuditChainQuery } from '../../gql/graphql';

export type AuditRow = AuditEventsQuery['auditEvents']['edges'][number]['node'];
export type AuditChainReport = VerifyAuditChainQuery['verifyAuditChain'];

export const AUDIT_EVENT_FIELDS = graphql(`
  fragment AuditEventFields on AuditEvent {
    id
    seq
    occurredAt
    actorUsername
    actorName
    action
    actionLabel
    device
    objectType
    objectId
    before
    after
    requestId
    prevHash
    hash
  }
`);

export const AUDIT_EVENTS = graphql(`
  query AuditEvents($first: Int, $after: String, $actionPrefix: String, $since: DateTimeISO, $until: DateTimeISO, $actorUsername: String) {
    auditEvents(first: $first, after: $after, actionPrefix: $actionPrefix, since: $since, until: $until, actorUsername: $actorUsername) {
      totalCount
      edges {
        node {
          ...AuditEventFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const VERIFY_AUDIT_CHAIN = graphql(`
  query VerifyAuditChain($heads: [AuditHeadInput!]) {
    verifyAuditChain(heads: $heads) {
      ok
      status
      anchorSeq
      anchorSource
      headsChecked
      checked
      firstBrokenSeq
      firstBrokenEventId
      reason
    }
  }
`);

export const PROVINCE_AUDIT_HEADS = graphql(`
  query ProvinceAuditHeads {
    provinceAuditHeads {
      bureauId
      bureauName
      seq
      hash
      anchoredAt
    }
  }
`);

export const ANCHOR_AUDIT_CHAINS = graphql(`
  mutation AnchorAuditChains {
    anchorAuditChains {
      tenants
      anchored
      copied
      truncated
    }
  }
`);

export const AUDIT_EVENT_APPENDED = graphql(`
  subscription AuditEventAppended {
    auditEventAppended {
      ...AuditEventFields
    }
  }
`);
