import { graphql } from '../../gql';
import type { TenantSettingsQuery } from '../../gql/graphql';

export type TenantSettings = NonNullable<TenantSettingsQuery['me']>['tenant'];

export const TENANT_SETTINGS = graphql(`
  query TenantSettings {
    me {
      id
      tenant {
        id
        name
        displayName
        contact
        publicHeader
        publicFooter
      }
    }
  }
`);

export const UPDATE_TENANT_SETTINGS = graphql(`
  mutation UpdateTenantSettings($input: TenantSettingsInput!) {
    updateTenantSettings(input: $input) {
      id
      displayName
      contact
      publicHeader
      publicFooter
    }
  }
`);
