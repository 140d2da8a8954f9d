import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '@spotcheck/shared';

export type UserStatus = 'INVITED' | 'ACTIVE' | 'DEACTIVATED';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface DepartmentRow {
  id: string;
  name: string;
  isOffice: boolean;
  head: { id: string; displayName: string } | null;
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  status: UserStatus;
  lastLoginAt: string | null;
  department: { id: string; name: string } | null;
}

interface Page<T> {
  totalCount: number;
  edges: { node: T }[];
  pageInfo: PageInfo;
}

interface PageVars {
  first: number;
  after: string | null;
}

const DEPARTMENT_FIELDS = gql`
  fragment DepartmentFields on Department {
    id
    name
    isOffice
    head {
      id
      displayName
    }
  }
`;

const USER_FIELDS = gql`
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
  }
`;

export const DEPARTMENTS: TypedDocumentNode<{ departments: Page<DepartmentRow> }, PageVars> = gql`
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
  ${DEPARTMENT_FIELDS}
`;

export const USERS: TypedDocumentNode<{ users: Page<UserRow> }, PageVars> = gql`
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
  ${USER_FIELDS}
`;

/** Choices for selects (department, department head): one page of the largest size the API allows. */
export const DEPARTMENT_OPTIONS: TypedDocumentNode<{ departments: { totalCount: number; edges: { node: { id: string; name: string } }[] } }, Record<string, never>> = gql`
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
`;

export const USER_OPTIONS: TypedDocumentNode<
  { users: { totalCount: number; edges: { node: { id: string; username: string; displayName: string } }[] } },
  Record<string, never>
> = gql`
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
`;

export interface DepartmentInput {
  name?: string;
  headUserId?: string | null;
}

export const CREATE_DEPARTMENT: TypedDocumentNode<{ createDepartment: DepartmentRow }, { input: DepartmentInput }> = gql`
  mutation CreateDepartment($input: DepartmentInput!) {
    createDepartment(input: $input) {
      ...DepartmentFields
    }
  }
  ${DEPARTMENT_FIELDS}
`;

export const UPDATE_DEPARTMENT: TypedDocumentNode<{ updateDepartment: DepartmentRow }, { id: string; input: DepartmentInput }> = gql`
  mutation UpdateDepartment($id: ID!, $input: DepartmentInput!) {
    updateDepartment(id: $id, input: $input) {
      ...DepartmentFields
    }
  }
  ${DEPARTMENT_FIELDS}
`;

export const DELETE_DEPARTMENT: TypedDocumentNode<{ deleteDepartment: boolean }, { id: string }> = gql`
  mutation DeleteDepartment($id: ID!) {
    deleteDepartment(id: $id)
  }
`;

export interface InviteUserInput {
  username: string;
  displayName: string;
  departmentId: string | null;
  roles: Role[];
}

export interface Invitation {
  user: UserRow;
  invitation: { code: string; expiresAt: string };
}

export const INVITE_USER: TypedDocumentNode<{ inviteUser: Invitation }, { input: InviteUserInput }> = gql`
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
  ${USER_FIELDS}
`;

export interface UpdateUserInput {
  displayName?: string;
  departmentId?: string | null;
  roles?: Role[];
}

export const UPDATE_USER: TypedDocumentNode<{ updateUser: UserRow }, { id: string; input: UpdateUserInput }> = gql`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const DEACTIVATE_USER: TypedDocumentNode<{ deactivateUser: UserRow }, { id: string }> = gql`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const REACTIVATE_USER: TypedDocumentNode<{ reactivateUser: UserRow }, { id: string }> = gql`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`;

export const RESET_USER_PASSWORD: TypedDocumentNode<{ resetUserPassword: Invitation }, { id: string }> = gql`
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
  ${USER_FIELDS}
`;
