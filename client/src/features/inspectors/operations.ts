import { graphql } from '../../gql';
import type { InspectorRowFragment, RecusalRowFragment } from '../../gql/graphql';

export type { Establishment, Gender, InspectorInput, InspectorStatus } from '../../gql/graphql';
export type InspectorRow = InspectorRowFragment;
export type RecusalRow = RecusalRowFragment;

export const INSPECTOR_ROW = graphql(`
  fragment InspectorRow on Inspector {
    id
    name
    gender
    post
    enforcementCategories
    certificateNo
    certificateValidFrom
    certificateValidTo
    establishment
    specialties
    status
    regionCode
    updatedAt
    drawable
    department {
      id
      name
    }
    region {
      code
      name
    }
    user {
      id
      username
      displayName
    }
  }
`);

export const INSPECTORS = graphql(`
  query Inspectors($first: Int, $after: String, $departmentId: ID, $status: InspectorStatus, $drawableOn: String) {
    inspectors(first: $first, after: $after, departmentId: $departmentId, status: $status, drawableOn: $drawableOn) {
      totalCount
      edges {
        node {
          ...InspectorRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The inspector form's choices: departments, the bureau's area (属地) and the accounts an inspector may be linked to. */
export const INSPECTOR_FORM_OPTIONS = graphql(`
  query InspectorFormOptions($regionCode: String!) {
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
    users(first: 100) {
      edges {
        node {
          id
          username
          displayName
          roles
        }
      }
    }
  }
`);

export const CREATE_INSPECTOR = graphql(`
  mutation CreateInspector($input: InspectorInput!) {
    createInspector(input: $input) {
      ...InspectorRow
    }
  }
`);

export const UPDATE_INSPECTOR = graphql(`
  mutation UpdateInspector($id: ID!, $input: InspectorInput!) {
    updateInspector(id: $id, input: $input) {
      ...InspectorRow
    }
  }
`);

export const RECUSAL_ROW = graphql(`
  fragment RecusalRow on Recusal {
    id
    reason
    validFrom
    validTo
    createdAt
    inspector {
      id
      name
      certificateNo
    }
    entity {
      id
      name
      uscc
    }
  }
`);

export const RECUSALS = graphql(`
  query Recusals($first: Int, $after: String, $inspectorId: ID, $entityId: ID) {
    recusals(first: $first, after: $after, inspectorId: $inspectorId, entityId: $entityId) {
      totalCount
      edges {
        node {
          ...RecusalRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const DECLARE_RECUSAL = graphql(`
  mutation DeclareRecusal($input: RecusalInput!) {
    declareRecusal(input: $input) {
      ...RecusalRow
    }
  }
`);

/** Inspectors to choose from in the recusal form and filter (with their linked account, for one's own). */
export const INSPECTOR_CHOICES = graphql(`
  query InspectorChoices {
    inspectors(first: 100) {
      edges {
        node {
          id
          name
          certificateNo
          user {
            id
          }
        }
      }
    }
  }
`);

export const ENTITY_CHOICES = graphql(`
  query EntityChoices($search: String) {
    entities(first: 20, search: $search) {
      edges {
        node {
          id
          name
          uscc
        }
      }
    }
  }
`);
