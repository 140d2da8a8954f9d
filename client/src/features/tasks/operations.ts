import { graphql } from '../../gql';
import type { JointPartnerDepartmentsQuery, TaskDetailFieldsFragment, TaskRowFragment } from '../../gql/graphql';

export type { JointStatus, TaskStatus } from '../../gql/graphql';
export type TaskRow = TaskRowFragment;
export type TaskDetail = TaskDetailFieldsFragment;
export type Participant = TaskDetail['participants'][number];
export type PartnerDepartment = JointPartnerDepartmentsQuery['jointPartnerDepartments']['edges'][number]['node'];

export const TASK_ROW = graphql(`
  fragment TaskRow on Task {
    id
    title
    kind
    awaitingLeaderApproval
    round
    startsOn
    endsOn
    teamSize
    joint
    status
    updatedAt
    plan {
      id
      year
      version
      title
    }
    leadDepartment {
      id
      name
    }
    draw {
      id
      status
    }
  }
`);

export const TASK_DETAIL_FIELDS = graphql(`
  fragment TaskDetailFields on Task {
    ...TaskRow
    reason
    needsLeaderApproval
    leaderApprovedAt
    leaderComment
    purpose
    procedure
    divisionOfLabour
    confidentiality
    targetFilter
    inspectorFilter
    createdAt
    items {
      ratio
      item {
        id
        name
        minRatio
        targetType
        status
        department {
          id
          name
        }
      }
    }
    participants {
      id
      status
      message
      responseNote
      respondedAt
      createdAt
      department {
        id
        name
        bureauName
        regionCode
      }
      items {
        id
        name
      }
      inspectors {
        id
        name
      }
    }
  }
`);

export const TASKS = graphql(`
  query Tasks($first: Int, $after: String, $status: TaskStatus) {
    tasks(first: $first, after: $after, status: $status) {
      totalCount
      edges {
        node {
          ...TaskRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const TASK = graphql(`
  query Task($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Task {
        ...TaskDetailFields
      }
    }
  }
`);

/** What the task form offers: published plans with their rounds and items, the item list, departments and the team rule. */
export const TASK_FORM_OPTIONS = graphql(`
  query TaskFormOptions {
    ruleSet {
      version
      rules
    }
    plans(first: 100, status: PUBLISHED) {
      edges {
        node {
          id
          year
          title
          schedule
          rounds
          items {
            ratio
            rounds
            item {
              id
            }
          }
        }
      }
    }
    items(first: 100) {
      edges {
        node {
          id
          name
          minRatio
          targetType
          status
        }
      }
    }
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

export const CREATE_TASK = graphql(`
  mutation CreateTask($input: TaskInput!) {
    createTask(input: $input) {
      ...TaskDetailFields
    }
  }
`);

export const UPDATE_TASK = graphql(`
  mutation UpdateTask($id: ID!, $input: TaskInput!) {
    updateTask(id: $id, input: $input) {
      ...TaskDetailFields
    }
  }
`);

export const CANCEL_TASK = graphql(`
  mutation CancelTask($id: ID!, $reason: String!) {
    cancelTask(id: $id, reason: $reason) {
      ...TaskDetailFields
    }
  }
`);

export const JOINT_PARTNER_DEPARTMENTS = graphql(`
  query JointPartnerDepartments($search: String, $first: Int, $after: String) {
    jointPartnerDepartments(search: $search, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          name
          bureauId
          bureauName
          regionCode
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const INVITE_JOINT_PARTICIPANT = graphql(`
  mutation InviteJointParticipant($taskId: ID!, $departmentId: ID!, $message: String) {
    inviteJointParticipant(taskId: $taskId, departmentId: $departmentId, message: $message) {
      id
      status
    }
  }
`);

export const WITHDRAW_JOINT_PARTICIPANT = graphql(`
  mutation WithdrawJointParticipant($id: ID!) {
    withdrawJointParticipant(id: $id) {
      id
      status
    }
  }
`);

export const APPROVE_TASK = graphql(`
  mutation ApproveTask($id: ID!, $comment: String!) {
    approveTask(id: $id, comment: $comment) {
      ...TaskDetailFields
    }
  }
`);

/** A drawn task's records as the batch table lists them, and the counts by status. */
export const TASK_RECORDS = graphql(`
  query TaskRecords($taskId: ID!, $status: InspectionStatus, $first: Int, $after: String) {
    inspections(taskId: $taskId, status: $status, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          seq
          entityName
          entityUscc
          status
          availableActions
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const TASK_PROGRESS = graphql(`
  query TaskProgress($id: ID!) {
    node(id: $id) {
      id
      ... on Task {
        inspectionProgress {
          status
          count
        }
      }
    }
  }
`);

export const TRANSITION_INSPECTIONS = graphql(`
  mutation TransitionInspections($ids: [ID!]!, $action: InspectionAction!, $comment: String) {
    transitionInspections(ids: $ids, action: $action, comment: $comment) {
      id
      ok
      code
      message
      inspection {
        id
        status
        availableActions
      }
    }
  }
`);
