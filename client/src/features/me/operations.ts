import { graphql } from '../../gql';
import type { MeQuery } from '../../gql/graphql';

export type Me = NonNullable<MeQuery['me']>;

export const ME = graphql(`
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
`);
