import { graphql } from '../../gql';
import type { MySessionsQuery, SignInHistoryQuery } from '../../gql/graphql';

export type DeviceSession = MySessionsQuery['mySessions'][number];
export type SignInEvent = SignInHistoryQuery['signInHistory']['edges'][number]['node'];

export const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const MY_SESSIONS = graphql(`
  query MySessions {
    mySessions {
      id
      current
      userAgent
      ip
      createdAt
      lastUsedAt
    }
  }
`);

export const REVOKE_SESSION = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

export const SIGN_IN_HISTORY = graphql(`
  query SignInHistory($first: Int, $after: String) {
    signInHistory(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          action
          occurredAt
          after
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
