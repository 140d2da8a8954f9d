import { graphql } from '../../gql';
import type { InvitationDetailFieldsFragment, InvitationRowFragment, JointDrawnEntitiesQuery } from '../../gql/graphql';

export type { JointStatus } from '../../gql/graphql';
export type InvitationRow = InvitationRowFragment;
export type InvitationDetail = InvitationDetailFieldsFragment;
type PartNode = Extract<NonNullable<JointDrawnEntitiesQuery['node']>, { __typename: 'JointParticipation' }>;
export type DrawnEntityRow = PartNode['drawnEntities']['edges'][number]['node'];

export const INVITATION_ROW = graphql(`
  fragment InvitationRow on JointParticipation {
    id
    status
    message
    responseNote
    respondedAt
    createdAt
    task {
      id
      title
      startsOn
      endsOn
      status
      leadBureauName
      leadDepartmentName
      drawId
    }
    department {
      id
      name
      bureauName
    }
  }
`);

export const INVITATION_DETAIL_FIELDS = graphql(`
  fragment InvitationDetailFields on JointParticipation {
    ...InvitationRow
    leadItemIds
    items {
      id
      name
      targetType
    }
    inspectors {
      id
      name
      certificateNo
      status
      certificateValidTo
    }
    task {
      id
      purpose
      procedure
      divisionOfLabour
      confidentiality
      teamSize
      leadItems {
        id
        name
        ratio
      }
    }
  }
`);

export const JOINT_INVITATIONS = graphql(`
  query JointInvitations($first: Int, $after: String, $status: JointStatus) {
    jointInvitations(first: $first, after: $after, status: $status) {
      totalCount
      edges {
        node {
          ...InvitationRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const JOINT_INVITATION = graphql(`
  query JointInvitation($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on JointParticipation {
        ...InvitationDetailFields
      }
    }
  }
`);

/** The bureau's own published items and active inspectors, to choose its part from. */
export const JOINT_PART_OPTIONS = graphql(`
  query JointPartOptions {
    items(first: 100, status: PUBLISHED) {
      edges {
        node {
          id
          name
          targetType
        }
      }
    }
    inspectors(first: 100, status: ACTIVE) {
      totalCount
      edges {
        node {
          id
          name
          certificateNo
          certificateValidTo
          department {
            id
            name
          }
        }
      }
    }
  }
`);

export const RESPOND_JOINT_INVITATION = graphql(`
  mutation RespondJointInvitation($id: ID!, $accept: Boolean!, $note: String) {
    respondJointInvitation(id: $id, accept: $accept, note: $note) {
      ...InvitationDetailFields
    }
  }
`);

export const SAVE_JOINT_PART = graphql(`
  mutation SaveJointPart($id: ID!, $input: JointPartInput!) {
    saveJointPart(id: $id, input: $input) {
      ...InvitationDetailFields
    }
  }
`);

export const JOINT_DRAWN_ENTITIES = graphql(`
  query JointDrawnEntities($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      __typename
      id
      ... on JointParticipation {
        drawnEntities(first: $first, after: $after) {
          totalCount
          edges {
            node {
              seq
              uscc
              name
              entity {
                id
                name
              }
              inspectors {
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
