import { gql, type TypedDocumentNode } from '@apollo/client';

export interface DeviceSession {
  id: string;
  current: boolean;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
}

export interface SignInEvent {
  id: string;
  action: string;
  occurredAt: string;
  after: { ip?: string | null; userAgent?: string | null } | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export const CHANGE_PASSWORD: TypedDocumentNode<{ changePassword: boolean }, { currentPassword: string; newPassword: string }> = gql`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`;

export const MY_SESSIONS: TypedDocumentNode<{ mySessions: DeviceSession[] }, Record<string, never>> = gql`
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
`;

export const REVOKE_SESSION: TypedDocumentNode<{ revokeSession: boolean }, { id: string }> = gql`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`;

export const SIGN_IN_HISTORY: TypedDocumentNode<
  { signInHistory: { totalCount: number; edges: { node: SignInEvent }[]; pageInfo: PageInfo } },
  { first: number; after: string | null }
> = gql`
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
`;
