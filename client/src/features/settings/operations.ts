import { gql, type TypedDocumentNode } from '@apollo/client';

export interface TenantSettings {
  displayName: string | null;
  contact: string | null;
  publicHeader: string | null;
  publicFooter: string | null;
}

export const TENANT_SETTINGS: TypedDocumentNode<
  { me: { id: string; tenant: TenantSettings & { id: string; name: string } } | null },
  Record<string, never>
> = gql`
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
`;

export const UPDATE_TENANT_SETTINGS: TypedDocumentNode<
  { updateTenantSettings: TenantSettings & { id: string } },
  { input: Partial<TenantSettings> }
> = gql`
  mutation UpdateTenantSettings($input: TenantSettingsInput!) {
    updateTenantSettings(input: $input) {
      id
      displayName
      contact
      publicHeader
      publicFooter
    }
  }
`;
