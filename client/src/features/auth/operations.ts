import { graphql } from '../../gql';

export const LOGIN = graphql(`
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
`);

export const LOGOUT = graphql(`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);
