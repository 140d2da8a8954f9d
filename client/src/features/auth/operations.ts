import { gql, type TypedDocumentNode } from '@apollo/client';

export interface AuthPayload {
  token: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; username: string; displayName: string };
}

export const LOGIN: TypedDocumentNode<{ login: AuthPayload }, { username: string; password: string }> = gql`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      refreshToken
      expiresIn
      user {
        id
        username
        displayName
      }
    }
  }
`;

export const LOGOUT: TypedDocumentNode<{ logout: boolean }, { refreshToken: string }> = gql`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`;
