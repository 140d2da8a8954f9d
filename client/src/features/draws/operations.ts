import { graphql } from '../../gql';
import type { CeremonyDrawFragment, CeremonyTaskFragment, DrawResultsQuery } from '../../gql/graphql';

export type { EntropyKind } from '../../gql/graphql';
export type CeremonyDraw = CeremonyDrawFragment;
export type CeremonyTask = CeremonyTaskFragment;
type DrawNode = Extract<NonNullable<DrawResultsQuery['node']>, { __typename: 'Draw' }>;
export type ResultRow = DrawNode['results']['edges'][number]['node'];

export const CEREMONY_DRAW = graphql(`
  fragment CeremonyDraw on Draw {
    id
    status
    algorithm
    inputHash
    commitment
    ruleVersion
    publicEntropy
    publicNumberDigits
    summary
    committedAt
    drawnAt
    serverSeed
    seed
    failure
  }
`);

export const CEREMONY_TASK = graphql(`
  fragment CeremonyTask on Task {
    id
    title
    status
    startsOn
    endsOn
    teamSize
    joint
    draw {
      ...CeremonyDraw
    }
  }
`);

export const CEREMONY = graphql(`
  query Ceremony($taskId: ID!) {
    node(id: $taskId) {
      __typename
      id
      ... on Task {
        ...CeremonyTask
      }
    }
  }
`);

export const DRAW_RESULTS = graphql(`
  query DrawResults($drawId: ID!, $first: Int, $after: String) {
    node(id: $drawId) {
      __typename
      id
      ... on Draw {
        results(first: $first, after: $after) {
          totalCount
          edges {
            node {
              seq
              entity {
                id
                name
                uscc
                address
              }
              items {
                id
                name
              }
              team {
                id
                name
                certificateNo
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`);

export const COMMIT_DRAW = graphql(`
  mutation CommitDraw($taskId: ID!, $publicNumberDigits: Int) {
    commitDraw(taskId: $taskId, publicNumberDigits: $publicNumberDigits) {
      ...CeremonyDraw
      task {
        ...CeremonyTask
      }
    }
  }
`);

export const ADD_DRAW_ENTROPY = graphql(`
  mutation AddDrawEntropy($drawId: ID!, $kind: EntropyKind!, $value: String!) {
    addDrawEntropy(drawId: $drawId, kind: $kind, value: $value) {
      ...CeremonyDraw
    }
  }
`);

export const PERFORM_DRAW = graphql(`
  mutation PerformDraw($drawId: ID!) {
    performDraw(drawId: $drawId) {
      ...CeremonyDraw
      task {
        id
        status
      }
    }
  }
`);

export const DRAW_CEREMONY_EVENTS = graphql(`
  subscription DrawCeremonyEvents($drawId: ID!) {
    drawCeremony(drawId: $drawId) {
      phase
      draw {
        ...CeremonyDraw
        task {
          id
          status
        }
      }
    }
  }
`);
