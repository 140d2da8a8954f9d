import { graphql } from '../../gql';
import type { PlanDetailFieldsFragment, PlanRowFragment } from '../../gql/graphql';

export type { PlanAction, PlanStatus } from '../../gql/graphql';
export type PlanRow = PlanRowFragment;
export type PlanDetail = PlanDetailFieldsFragment;

export const PLAN_ROW = graphql(`
  fragment PlanRow on AnnualPlan {
    id
    year
    version
    title
    status
    rounds
    ruleVersion
    approvedAt
    publishedAt
    updatedAt
    actions
  }
`);

export const PLAN_DETAIL_FIELDS = graphql(`
  fragment PlanDetailFields on AnnualPlan {
    ...PlanRow
    scope
    inspectorRequirements
    schedule
    reviewComment
    createdAt
    supersededAt
    versions {
      id
      version
      status
      approvedAt
      publishedAt
      supersededAt
    }
    items {
      ratio
      rounds
      item {
        id
        name
        minRatio
        frequencyPerYear
        status
        position
        department {
          id
          name
        }
      }
    }
  }
`);

export const PLANS = graphql(`
  query Plans($first: Int, $after: String, $year: Int, $status: PlanStatus) {
    plans(first: $first, after: $after, year: $year, status: $status) {
      totalCount
      edges {
        node {
          ...PlanRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PLAN = graphql(`
  query Plan($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on AnnualPlan {
        ...PlanDetailFields
      }
    }
  }
`);

/** What the plan form checks against as you type: the bureau's current rules and its item list. */
export const PLAN_FORM_OPTIONS = graphql(`
  query PlanFormOptions {
    ruleSet {
      version
      rules
    }
    items(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          minRatio
          frequencyPerYear
          status
          position
        }
      }
    }
  }
`);

export const CREATE_PLAN = graphql(`
  mutation CreatePlan($input: PlanInput!) {
    createPlan(input: $input) {
      ...PlanDetailFields
    }
  }
`);

export const UPDATE_PLAN = graphql(`
  mutation UpdatePlan($id: ID!, $input: PlanInput!) {
    updatePlan(id: $id, input: $input) {
      ...PlanDetailFields
    }
  }
`);

export const TRANSITION_PLAN = graphql(`
  mutation TransitionPlan($id: ID!, $action: PlanAction!, $comment: String) {
    transitionPlan(id: $id, action: $action, comment: $comment) {
      ...PlanDetailFields
    }
  }
`);

export const AMEND_PLAN = graphql(`
  mutation AmendPlan($id: ID!) {
    amendPlan(id: $id) {
      id
      version
      status
    }
  }
`);
