import { graphql } from '../../gql';
import type { ItemRowFragment, ItemHistoryQuery } from '../../gql/graphql';

export type { ItemCategory, ItemStatus, ItemInput } from '../../gql/graphql';
export type ItemRow = ItemRowFragment;
export type ItemVersion = Extract<ItemHistoryQuery['node'], { __typename: 'InspectionItem' }>['history'][number];

export const ITEM_ROW = graphql(`
  fragment ItemRow on InspectionItem {
    id
    version
    name
    legalBasis
    inspectingBody
    content
    category
    targetType
    minRatio
    position
    frequencyPerYear
    methods
    remarks
    status
    publishedVersion
    updatedAt
    department {
      id
      name
    }
  }
`);

export const ITEMS = graphql(`
  query Items($first: Int, $after: String, $departmentId: ID, $status: ItemStatus) {
    items(first: $first, after: $after, departmentId: $departmentId, status: $status) {
      totalCount
      edges {
        node {
          ...ItemRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ITEM_HISTORY = graphql(`
  query ItemHistory($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on InspectionItem {
        name
        history {
          version
          snapshot
          change
          reason
          changedByName
          changedAt
        }
      }
    }
  }
`);

export const ITEM_DEPARTMENTS = graphql(`
  query ItemDepartments {
    departments(first: 100) {
      edges {
        node {
          id
          name
          isOffice
        }
      }
    }
  }
`);

export const CREATE_ITEM = graphql(`
  mutation CreateItem($input: ItemInput!, $reason: String) {
    createItem(input: $input, reason: $reason) {
      ...ItemRow
    }
  }
`);

export const UPDATE_ITEM = graphql(`
  mutation UpdateItem($id: ID!, $input: ItemInput!, $reason: String) {
    updateItem(id: $id, input: $input, reason: $reason) {
      ...ItemRow
    }
  }
`);

export const WITHDRAW_ITEM = graphql(`
  mutation WithdrawItem($id: ID!, $reason: String!) {
    withdrawItem(id: $id, reason: $reason) {
      ...ItemRow
    }
  }
`);

export const MOVE_ITEM = graphql(`
  mutation MoveItem($id: ID!, $position: Int!) {
    moveItem(id: $id, position: $position) {
      id
      position
    }
  }
`);
