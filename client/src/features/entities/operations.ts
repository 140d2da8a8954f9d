import { graphql } from '../../gql';
import type { EntityDetailQuery, EntityRowFragment } from '../../gql/graphql';

export type { CreditClass, CreditStatus, EntityInput, EntityKind, EntityStatus, RiskLevel } from '../../gql/graphql';
export type EntityRow = EntityRowFragment;
export type EntityDetail = Extract<EntityDetailQuery['node'], { __typename: 'MarketEntity' }>;
export type EntityChange = EntityDetail['history'][number];
export type CreditRecord = EntityDetail['creditRecords'][number];

export const ENTITY_ROW = graphql(`
  fragment EntityRow on MarketEntity {
    id
    name
    kind
    uscc
    idNumberMasked
    incomplete
    usccChecksumOverride
    registrationAuthority
    legalRepresentative
    address
    regionCode
    industry
    targetType
    status
    creditClass
    riskLevel
    complaints
    violationRecord
    creditStatus
    version
    updatedAt
    region {
      code
      name
    }
    supervisingDepartment {
      id
      name
    }
  }
`);

export const ENTITIES = graphql(`
  query Entities(
    $first: Int
    $after: String
    $search: String
    $status: EntityStatus
    $creditClass: CreditClass
    $riskLevel: RiskLevel
    $regionCode: String
    $incomplete: Boolean
    $withCount: Boolean! = false
  ) {
    incompleteEntityCount
    entities(
      first: $first
      after: $after
      search: $search
      status: $status
      creditClass: $creditClass
      riskLevel: $riskLevel
      regionCode: $regionCode
      incomplete: $incomplete
    ) {
      totalCount @include(if: $withCount)
      edges {
        node {
          ...EntityRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ENTITY_DETAIL = graphql(`
  query EntityDetail($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on MarketEntity {
        ...EntityRow
        createdAt
        history {
          version
          before
          after
          source
          changedAt
        }
        creditRecords {
          resultCategory {
            code
            label
            problem
          }
          problem
          publishedAt
          note
          supersededAt
          inspection {
            id
            seq
            status
            inspectedOn
            task {
              id
              title
            }
          }
        }
      }
    }
  }
`);

/** What the entity form offers: the bureau's area (its region and the divisions below) and its departments. */
export const ENTITY_FORM_OPTIONS = graphql(`
  query EntityFormOptions($regionCode: String!) {
    region(code: $regionCode) {
      code
      name
    }
    regions(parentCode: $regionCode) {
      code
      name
    }
    departments(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const CREATE_ENTITY = graphql(`
  mutation CreateEntity($input: EntityInput!, $overrideChecksum: Boolean!) {
    createEntity(input: $input, overrideChecksum: $overrideChecksum) {
      ...EntityRow
    }
  }
`);

export const UPDATE_ENTITY = graphql(`
  mutation UpdateEntity($id: ID!, $input: EntityInput!, $overrideChecksum: Boolean!) {
    updateEntity(id: $id, input: $input, overrideChecksum: $overrideChecksum) {
      ...EntityRow
    }
  }
`);
