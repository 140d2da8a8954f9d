import { graphql } from '../../gql';
import type { RegionsQuery, TenantsQuery } from '../../gql/graphql';

export type { RegionLevel, TenantKind, TenantStatus } from '../../gql/graphql';
export type Region = RegionsQuery['regions'][number];
export type TenantRow = TenantsQuery['tenants']['edges'][number]['node'];

export const TENANTS = graphql(`
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
`);

export const REGIONS = graphql(`
  query Regions($parentCode: String) {
    regions(parentCode: $parentCode) {
      code
      name
      level
      parentCode
    }
  }
`);

export const ONBOARD_TENANT = graphql(`
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
`);

export const UPDATE_TENANT_STATUS = graphql(`
  mutation UpdateTenantStatus($id: ID!, $status: TenantStatus!) {
    updateTenant(id: $id, input: { status: $status }) {
      id
      status
    }
  }
`);

/**
 * Units that may become a parent: one page of the largest size the API allows, with only the fields
 * needed (the server's complexity limit multiplies the fields by the page size).
 */
export const TENANT_CANDIDATES = graphql(`
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
`);
