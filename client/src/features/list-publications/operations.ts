import { graphql } from '../../gql';
import type { ListPublicationsQuery } from '../../gql/graphql';

export type { ListKind } from '../../gql/graphql';
export type ListPublicationRow = ListPublicationsQuery['listPublications'][number];

export const LIST_PUBLICATIONS = graphql(`
  query ListPublications($kind: ListKind) {
    listPublications(kind: $kind) {
      id
      kind
      status
      note
      contents
      submittedByName
      submittedAt
      decidedByName
      decidedAt
      decisionNote
    }
  }
`);

export const SUBMIT_LIST_PUBLICATION = graphql(`
  mutation SubmitListPublication($kind: ListKind!, $note: String) {
    submitListPublication(kind: $kind, note: $note) {
      id
      status
    }
  }
`);

export const APPROVE_LIST_PUBLICATION = graphql(`
  mutation ApproveListPublication($id: ID!, $note: String) {
    approveListPublication(id: $id, note: $note) {
      id
      status
    }
  }
`);

export const RETURN_LIST_PUBLICATION = graphql(`
  mutation ReturnListPublication($id: ID!, $note: String!) {
    returnListPublication(id: $id, note: $note) {
      id
      status
    }
  }
`);
