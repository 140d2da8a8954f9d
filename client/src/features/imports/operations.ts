import { graphql } from '../../gql';
import type { ImportJobFieldsFragment, ImportJobErrorsQuery } from '../../gql/graphql';

export type { ImportKind, ImportMode, ImportStatus } from '../../gql/graphql';
export type ImportJobRow = ImportJobFieldsFragment;
export type ImportErrorRow = NonNullable<ImportJobErrorsQuery['importJob']>['errors']['edges'][number]['node'];

export const IMPORT_JOB_FIELDS = graphql(`
  fragment ImportJobFields on ImportJob {
    id
    kind
    mode
    status
    fileName
    fileFormat
    encoding
    acceptChecksumWarnings
    processedRows
    insertedRows
    updatedRows
    errorRows
    warningRows
    failureReason
    createdAt
    startedAt
    finishedAt
    createdBy {
      id
      displayName
    }
  }
`);

export const IMPORT_JOBS = graphql(`
  query ImportJobs($first: Int, $after: String, $kind: ImportKind) {
    importJobs(first: $first, after: $after, kind: $kind) {
      totalCount
      edges {
        node {
          ...ImportJobFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const IMPORT_JOB = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      ...ImportJobFields
    }
  }
`);

export const IMPORT_JOB_ERRORS = graphql(`
  query ImportJobErrors($id: ID!, $first: Int, $after: String) {
    importJob(id: $id) {
      id
      errors(first: $first, after: $after) {
        totalCount
        edges {
          node {
            rowNumber
            column
            code
            message
            rowContent
            warning
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** Pushed by the server every 20,000 rows or every second while the import runs, and on each change of status. */
export const IMPORT_JOB_PROGRESS = graphql(`
  subscription ImportJobProgress($id: ID!) {
    importJobProgress(id: $id) {
      ...ImportJobFields
    }
  }
`);
