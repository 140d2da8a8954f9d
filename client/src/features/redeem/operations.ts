import { gql, type TypedDocumentNode } from '@apollo/client';

export const REDEEM_INVITATION: TypedDocumentNode<
  { redeemInvitation: { username: string; tenantName: string } },
  { code: string; password: string }
> = gql`
  mutation RedeemInvitation($code: String!, $password: String!) {
    redeemInvitation(code: $code, password: $password) {
      username
      tenantName
    }
  }
`;
