/** The entity's side, with its access code and no account: its record, and its statements or objections. */
import { graphql } from '../../gql';
import type { EntityRecordQuery } from '../../gql/graphql';

export type EntityRecord = EntityRecordQuery['entityRecord'];
export type EntityRecordVersion = EntityRecord['history'][number];
export type EntityStatementView = EntityRecord['statements'][number];
export type EntityFile = EntityStatementView['attachments'][number];

export const ENTITY_FILE_FIELDS = graphql(`
  fragment EntityFileFields on EvidenceFile {
    id
    fileName
    contentType
    size
    sha256
    sealed
    createdAt
    url
  }
`);

export const ENTITY_STATEMENT_FIELDS = graphql(`
  fragment EntityStatementFields on EntityStatement {
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
      ...EntityFileFields
    }
  }
`);

export const ENTITY_RECORD = graphql(`
  query EntityRecord($accessCode: String!) {
    entityRecord(accessCode: $accessCode) {
      status
      statusLabel
      bureau
      entityName
      entityUscc
      items
      team
      inspectedOn
      place
      siteConditions
      findings
      interviewNotes
      result {
        code
        label
      }
      reportDueOn
      submittedAt
      approvedAt
      publishedAt
      correctionReason
      createdAt
      statements {
        ...EntityStatementFields
      }
      draft {
        ...EntityStatementFields
      }
      evidence {
        ...EntityFileFields
      }
      drawLine {
        drawId
        algorithm
        recordUrl
        key
        salt
        pseudonym
      }
      jointParts {
        bureau
        department
        items
        team
        statusLabel
        own
        publishedAt
      }
      history {
        status
        statusLabel
        inspectedOn
        place
        siteConditions
        findings
        interviewNotes
        result {
          code
          label
        }
        reportDueOn
        submittedAt
        approvedAt
        publishedAt
        correctionReason
        createdAt
      }
    }
  }
`);

export const SAVE_ENTITY_STATEMENT_DRAFT = graphql(`
  mutation SaveEntityStatementDraft($accessCode: String!, $kind: StatementKind!, $body: String!) {
    saveEntityStatementDraft(accessCode: $accessCode, kind: $kind, body: $body) {
      ...EntityStatementFields
    }
  }
`);

export const SUBMIT_ENTITY_STATEMENT = graphql(`
  mutation SubmitEntityStatement($accessCode: String!, $kind: StatementKind!, $body: String!) {
    submitEntityStatement(accessCode: $accessCode, kind: $kind, body: $body) {
      ...EntityStatementFields
    }
  }
`);
