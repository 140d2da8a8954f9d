import { graphql } from '../../gql';

export const REDEEM_INVITATION = graphql(`
  mutation RedeemInvitation($code: String!, $password: String!) {
    redeemInvitation(code: $code, password: $password) {
      username
      tenantName
    }
  }
`);
