import { graphql } from '../../gql';
import type { DepartmentFieldsFragment, RoleGrantFieldsFragment, UserFieldsFragment } from '../../gql/graphql';

export type { UserStatus } from '../../gql/graphql';
export type DepartmentRow = DepartmentFieldsFragment;
export type UserRow = UserFieldsFragment;
export type RoleGrantRow = RoleGrantFieldsFragment;
export type { RoleGrantStatus } from '../../gql/graphql';

export const DEPARTMENT_FIELDS = graphql(`
  fragment DepartmentFields on Department {
    id
    name
    isOffice
    head {
      id
      displayName
    }
  }
`);

export const USER_FIELDS = graphql(`
  fragment UserFields on User {
    id
    username
    displayName
    roles
    status
    lastLoginAt
    department {
      id
      name
    }
    pendingRoleGrant {
      id
      addedRoles
    }
  }
`);

export const ROLE_GRANT_FIELDS = graphql(`
  fragment RoleGrantFields on RoleGrant {
    id
    username
    roles
    addedRoles
    rolesBefore
    status
    proposedByName
    proposedAt
    decidedByName
    decidedAt
    decisionNote
    canDecide
    tenant {
      id
      name
    }
  }
`);

export const ROLE_GRANTS = graphql(`
  query RoleGrants($status: RoleGrantStatus) {
    roleGrants(status: $status) {
      ...RoleGrantFields
    }
  }
`);

export const APPROVE_ROLE_GRANT = graphql(`
  mutation ApproveRoleGrant($id: ID!, $note: String) {
    approveRoleGrant(id: $id, note: $note) {
      ...RoleGrantFields
    }
  }
`);

export const REJECT_ROLE_GRANT = graphql(`
  mutation RejectRoleGrant($id: ID!, $note: String!) {
    rejectRoleGrant(id: $id, note: $note) {
      ...RoleGrantFields
    }
  }
`);

export const DEPARTMENTS = graphql(`
  query Departments($first: Int, $after: String) {
    departments(first: $first, after: $after) {
      totalCount
      edges {
        node {
          ...DepartmentFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const USERS = graphql(`
  query Users($first: Int, $after: String) {
    users(first: $first, after: $after) {
      totalCount
      edges {
        node {
          ...UserFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Choices for selects (department, department head): one page of the largest size the API allows. */
export const DEPARTMENT_OPTIONS = graphql(`
  query DepartmentOptions {
    departments(first: 100) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const USER_OPTIONS = graphql(`
  query UserOptions {
    users(first: 100) {
      totalCount
      edges {
        node {
          id
          username
          displayName
        }
      }
    }
  }
`);

export const CREATE_DEPARTMENT = graphql(`
  mutation CreateDepartment($input: DepartmentInput!) {
    createDepartment(input: $input) {
      ...DepartmentFields
    }
  }
`);

export const UPDATE_DEPARTMENT = graphql(`
  mutation UpdateDepartment($id: ID!, $input: DepartmentInput!) {
    updateDepartment(id: $id, input: $input) {
      ...DepartmentFields
    }
  }
`);

export const DELETE_DEPARTMENT = graphql(`
  mutation DeleteDepartment($id: ID!) {
    deleteDepartment(id: $id)
  }
`);

export const INVITE_USER = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      user {
        ...UserFields
      }
      invitation {
        code
        expiresAt
      }
    }
  }
`);

export const UPDATE_USER = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...UserFields
    }
  }
`);

export const DEACTIVATE_USER = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      ...UserFields
    }
  }
`);

export const REACTIVATE_USER = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      ...UserFields
    }
  }
`);

export const RESET_USER_PASSWORD = graphql(`
  mutation ResetUserPassword($id: ID!) {
    resetUserPassword(id: $id) {
      user {
        ...UserFields
      }
      invitation {
        code
        expiresAt
      }
    }
  }
`);
