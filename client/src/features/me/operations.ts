import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '@spotcheck/shared';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  status: string;
  tenant: { id: string; name: string; regionCode: string; kind: string; status: string };
  department: { id: string; name: string; isOffice: boolean } | null;
}

export const ME: TypedDocumentNode<{ me: Me | null }, Record<string, never>> = gql`
  query Me {
    me {
      id
      username
      displayName
      roles
      status
      tenant {
        id
        name
        regionCode
        kind
        status
      }
      department {
        id
        name
        isOffice
      }
    }
  }
`;
