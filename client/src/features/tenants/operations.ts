import { gql, type TypedDocumentNode } from '@apollo/client';

export type TenantKind = 'PLATFORM' | 'PROVINCIAL_DEPARTMENT' | 'CITY_BUREAU' | 'COUNTY_BUREAU';
export type TenantStatus = 'ACTIVE' | 'SUSPENDED';
export type RegionLevel = 'COUNTRY' | 'PROVINCE' | 'CITY' | 'COUNTY';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface TenantRow {
  id: string;
  name: string;
  regionCode: string;
  kind: TenantKind;
  status: TenantStatus;
  parent: { id: string; name: string } | null;
  region: { code: string; name: string } | null;
}

interface TenantPage {
  tenants: { totalCount: number; edges: { node: TenantRow }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

export const TENANTS: TypedDocumentNode<TenantPage, { first: number; after: string | null }> = gql`
  query Tenants($first: Int, $after: String) {
    tenants(first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          name
          regionCode
          kind
          status
          parent {
            id
            name
          }
          region {
            code
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const REGIONS: TypedDocumentNode<{ regions: Region[] }, { parentCode: string | null }> = gql`
  query Regions($parentCode: String) {
    regions(parentCode: $parentCode) {
      code
      name
      level
      parentCode
    }
  }
`;

export interface OnboardTenantInput {
  name: string;
  regionCode: string;
  parentId: string;
  kind: TenantKind;
  adminUsername: string;
  adminDisplayName: string;
}

export const ONBOARD_TENANT: TypedDocumentNode<
  {
    onboardTenant: {
      tenant: { id: string; name: string };
      admin: { id: string; username: string };
      invitation: { code: string; expiresAt: string };
    };
  },
  { input: OnboardTenantInput }
> = gql`
  mutation OnboardTenant($input: OnboardTenantInput!) {
    onboardTenant(input: $input) {
      tenant {
        id
        name
      }
      admin {
        id
        username
      }
      invitation {
        code
        expiresAt
      }
    }
  }
`;

export const UPDATE_TENANT_STATUS: TypedDocumentNode<
  { updateTenant: { id: string; status: TenantStatus } },
  { id: string; status: TenantStatus }
> = gql`
  mutation UpdateTenantStatus($id: ID!, $status: TenantStatus!) {
    updateTenant(id: $id, input: { status: $status }) {
      id
      status
    }
  }
`;

/**
 * Units that may become a parent: one page of the largest size the API allows, with only the fields
 * needed (the server's complexity limit multiplies the fields by the page size).
 */
export const TENANT_CANDIDATES: TypedDocumentNode<
  { tenants: { totalCount: number; edges: { node: Pick<TenantRow, 'id' | 'name' | 'regionCode' | 'kind'> }[] } },
  Record<string, never>
> = gql`
  query TenantCandidates {
    tenants(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          regionCode
          kind
        }
      }
    }
  }
`;
