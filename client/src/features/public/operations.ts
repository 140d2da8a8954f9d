/** The portal's queries: all public (no sign-in), read from the server's public views. */
import { graphql } from '../../gql';
import type {
  PublicDrawFieldsFragment,
  PublicResultFieldsFragment,
  PublicTaskNoticesQuery,
  PublicBureausQuery,
  PublicPlansQuery,
  PublicItemsQuery,
} from '../../gql/graphql';

export type PublicDrawRow = PublicDrawFieldsFragment;
export type PublicResultRow = PublicResultFieldsFragment;
export type PublicNotice = PublicTaskNoticesQuery['publicTaskNotices']['edges'][number]['node'];
export type PublicBureauRow = PublicBureausQuery['publicBureaus'][number];
export type PublicPlanRow = PublicPlansQuery['publicPlans'][number];
export type PublicItemRow = PublicItemsQuery['publicItems'][number];

export const PUBLIC_DRAW_FIELDS = graphql(`
  fragment PublicDrawFields on PublicDraw {
    id
    bureauId
    taskTitle
    startsOn
    endsOn
    status
    algorithm
    inputHash
    commitment
    ruleVersion
    committedAt
    drawnAt
    recordUrl
    verification {
      status
      revealed
      code
      reason
    }
  }
`);

export const PUBLIC_RESULT_FIELDS = graphql(`
  fragment PublicResultFields on PublicResult {
    id
    bureau {
      id
      name
      regionCode
    }
    task {
      id
      title
      planId
    }
    items {
      id
      name
    }
    entityName
    entityUscc
    inspectedOn
    resultCategory {
      code
      label
      problem
    }
    findings
    publishedAt
    correctsId
    correctionReason
    correctedById
    draw {
      id
      recordUrl
    }
    handling {
      outcome
      label
      basis
      deadlineWorkdays
    }
  }
`);

export const PUBLIC_BUREAUS = graphql(`
  query PublicBureaus {
    publicBureaus {
      id
      name
      displayName
      regionCode
      kind
      contact
      publicHeader
      publicFooter
    }
  }
`);

export const PUBLIC_RESULTS = graphql(`
  query PublicResults($bureauId: ID, $itemId: ID, $planId: ID, $taskId: ID, $search: String, $first: Int, $after: String, $withCount: Boolean! = false) {
    publicResults(bureauId: $bureauId, itemId: $itemId, planId: $planId, taskId: $taskId, search: $search, first: $first, after: $after) {
      totalCount @include(if: $withCount)
      edges {
        node {
          ...PublicResultFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PUBLIC_TASK_NOTICES = graphql(`
  query PublicTaskNotices($bureauId: ID, $planId: ID, $itemId: ID, $search: String, $first: Int, $after: String, $withCount: Boolean! = false) {
    publicTaskNotices(bureauId: $bureauId, planId: $planId, itemId: $itemId, search: $search, first: $first, after: $after) {
      totalCount @include(if: $withCount)
      edges {
        node {
          id
          bureau {
            id
            name
            regionCode
          }
          planId
          round
          title
          purpose
          procedure
          divisionOfLabour
          confidentiality
          startsOn
          endsOn
          teamSize
          joint
          status
          items {
            id
            name
            ratio
          }
          announcedAt
          draw {
            ...PublicDrawFields
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The tasks of a bureau, for the results' task filter (titles only: the whole notices are heavy). */
export const PUBLIC_TASK_OPTIONS = graphql(`
  query PublicTaskOptions($bureauId: ID!) {
    publicTaskNotices(bureauId: $bureauId, first: 100) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

/** Whether a task has published results of a bureau, i.e. whether its 公示 files exist (one row, not a count). */
export const PUBLIC_TASK_HAS_RESULTS = graphql(`
  query PublicTaskHasResults($bureauId: ID!, $taskId: ID!) {
    publicResults(bureauId: $bureauId, taskId: $taskId, first: 1) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

export const PUBLIC_PLANS = graphql(`
  query PublicPlans($bureauId: ID!) {
    publicPlans(bureauId: $bureauId) {
      id
      year
      title
      scope
      inspectorRequirements
      rounds
      schedule
      items
      publishedAt
    }
  }
`);

export const PUBLIC_ITEMS = graphql(`
  query PublicItems($bureauId: ID!) {
    publicItems(bureauId: $bureauId) {
      id
      departmentName
      version
      name
      legalBasis
      inspectingBody
      content
      category
      targetType
      minRatio
      frequencyPerYear
      methods
      remarks
      updatedAt
    }
    publicListPublications(bureauId: $bureauId) {
      id
      kind
      publishedAt
      approvedBy
      decisionNote
      count
    }
  }
`);

export const PUBLIC_ENTITIES = graphql(`
  query PublicEntities($bureauId: ID!, $search: String, $first: Int, $after: String, $withCount: Boolean! = false) {
    publicEntities(bureauId: $bureauId, search: $search, first: $first, after: $after) {
      totalCount @include(if: $withCount)
      edges {
        node {
          id
          name
          uscc
          address
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PUBLIC_INSPECTORS = graphql(`
  query PublicInspectors($bureauId: ID!, $first: Int, $after: String) {
    publicInspectors(bureauId: $bureauId, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          name
          post
          certificateNo
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const PUBLIC_DRAWS = graphql(`
  query PublicDraws($bureauId: ID, $first: Int!, $offset: Int!) {
    publicDraws(bureauId: $bureauId, first: $first, offset: $offset) {
      totalCount
      draws {
        ...PublicDrawFields
      }
    }
  }
`);

export const PUBLIC_DRAW = graphql(`
  query PublicDraw($id: ID!) {
    publicDraw(id: $id) {
      ...PublicDrawFields
    }
  }
`);

export const PUBLIC_ENTITY = graphql(`
  query PublicEntity($uscc: String!, $first: Int, $after: String, $withCount: Boolean! = false) {
    publicEntity(uscc: $uscc) {
      uscc
      name
      listings {
        bureau {
          id
          name
          regionCode
        }
        name
        address
      }
      results(first: $first, after: $after) {
        totalCount @include(if: $withCount)
        edges {
          node {
            ...PublicResultFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const PUBLIC_ENTITY_HISTORY = graphql(`
  query PublicEntityHistory($uscc: String!) {
    publicEntity(uscc: $uscc) {
      uscc
      rectifications {
        id
        bureau {
          id
          name
        }
        resultId
        orderedOn
        dueWorkingDays
        dueOn
        status
        closedOn
      }
      creditEntries {
        id
        bureau {
          id
          name
        }
        list
        entityName
        reason
        legalBasis
        decidedOn
        validUntil
      }
    }
  }
`);

export const PUBLIC_AUDIT_ANCHORS = graphql(`
  query PublicAuditAnchors($bureauId: ID!) {
    publicAuditAnchors(bureauId: $bureauId) {
      seq
      hash
      anchoredAt
    }
  }
`);
