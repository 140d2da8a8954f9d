/** 我的检查: the inspector's visits across tasks (the server's `myVisits`). */
import { graphql } from '../../gql';
import type { MyVisitsQuery } from '../../gql/graphql';

export type VisitRow = MyVisitsQuery['myVisits']['edges'][number]['node'];

export const MY_VISITS = graphql(`
  query MyVisits($first: Int, $after: String) {
    myVisits(first: $first, after: $after) {
      totalCount
      edges {
        node {
          drawId
          seq
          taskId
          taskTitle
          entityName
          entityAddress
          dueOn
          status
          inspectionId
          participationId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
