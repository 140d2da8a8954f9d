/** What the workbench lists: records by the viewer's filters, tasks, open entity statements. */
import { graphql } from '../../gql';
import type { WorkbenchRecordsQuery, WorkbenchStatementsQuery, WorkbenchTasksQuery } from '../../gql/graphql';

export type WorkbenchRecord = WorkbenchRecordsQuery['inspections']['edges'][number]['node'];
export type WorkbenchTask = WorkbenchTasksQuery['tasks']['edges'][number]['node'];
export type WorkbenchStatement = WorkbenchStatementsQuery['entityStatements']['edges'][number]['node'];

export const WORKBENCH_RECORDS = graphql(`
  query WorkbenchRecords($first: Int, $after: String, $awaitingMe: Boolean, $dueWithinDays: Int, $overdue: Boolean, $mine: Boolean) {
    inspections(first: $first, after: $after, awaitingMe: $awaitingMe, dueWithinDays: $dueWithinDays, overdue: $overdue, mine: $mine) {
      totalCount
      edges {
        node {
          id
          entityName
          entityUscc
          status
          inspectedOn
          reportDueOn
          publicationDueOn
          reportOverdue
          publicationOverdue
          reviewDueOn
          reviewOverdue
          approvalDueOn
          approvalOverdue
          availableActions
          task {
            id
            title
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

export const WORKBENCH_TASKS = graphql(`
  query WorkbenchTasks($first: Int, $after: String, $mine: Boolean, $inProgress: Boolean) {
    tasks(first: $first, after: $after, mine: $mine, inProgress: $inProgress) {
      totalCount
      edges {
        node {
          id
          title
          status
          startsOn
          endsOn
          joint
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const WORKBENCH_STATEMENTS = graphql(`
  query WorkbenchStatements($first: Int, $after: String, $mine: Boolean) {
    entityStatements(first: $first, after: $after, mine: $mine, open: true) {
      totalCount
      edges {
        node {
          id
          kind
          body
          submittedAt
          afterReportDue
          afterPublication
          answer
          recheckRequired
          attachments {
            id
          }
          inspection {
            id
            entityName
            status
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
