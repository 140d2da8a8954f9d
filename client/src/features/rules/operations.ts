import { graphql } from '../../gql';
import type { PlanRiskQuery, RuleBoundsPageQuery, RuleSetPageQuery } from '../../gql/graphql';

export type RuleVersion = RuleSetPageQuery['ruleSetHistory'][number];
export type RuleProposalRow = RuleSetPageQuery['ruleProposals'][number];
export type BureauLimits = RuleBoundsPageQuery['bureauRuleLimits'][number];

export const RULE_SET_PAGE = graphql(`
  query RuleSetPage {
    ruleSet {
      version
      rules
      reason
      createdAt
      approvedAt
      proposedBy
      approvedBy
    }
    ruleSetHistory {
      version
      rules
      reason
      createdAt
      approvedAt
      proposedBy
      approvedBy
    }
    ruleProposals {
      id
      rules
      reason
      status
      baseVersion
      proposedBy
      proposedByMe
      proposedAt
      reviewedBy
      reviewedAt
      reviewComment
      approvedVersion
    }
    ruleBoundsAbove {
      province
      bounds
    }
    resultCategories {
      code
      label
      problem
      active
    }
  }
`);

export const PROPOSE_RULE_SET = graphql(`
  mutation ProposeRuleSet($rules: JSON!, $reason: String!) {
    proposeRuleSet(rules: $rules, reason: $reason) {
      id
      status
    }
  }
`);

export const REVIEW_RULE_PROPOSAL = graphql(`
  mutation ReviewRuleProposal($id: ID!, $decision: RuleReview!, $comment: String) {
    reviewRuleProposal(id: $id, decision: $decision, comment: $comment) {
      id
      status
      approvedVersion
    }
  }
`);

export const RULE_BOUNDS_PAGE = graphql(`
  query RuleBoundsPage {
    ruleBounds {
      bounds
      reason
      updatedAt
    }
    bureauRuleLimits {
      id
      name
      version
      limits
    }
  }
`);

export const SET_RULE_BOUNDS = graphql(`
  mutation SetRuleBounds($bounds: JSON!, $reason: String!) {
    setRuleBounds(bounds: $bounds, reason: $reason) {
      bounds
      reason
      updatedAt
    }
  }
`);

export type PlanRiskRow = Extract<PlanRiskQuery['node'], { __typename: 'AnnualPlan' }>['riskTreatment'][number];

export const PLAN_RISK = graphql(`
  query PlanRisk($id: ID!) {
    node(id: $id) {
      __typename
      ... on AnnualPlan {
        id
        riskTreatment {
          risk
          ratio
          rounds
          item {
            id
            name
          }
        }
      }
    }
  }
`);

export const PROPOSE_OWN_OUTCOME = graphql(`
  mutation ProposeOwnHandlingOutcome($code: String!, $label: String!, $behavesAs: HandlingOutcome!, $reason: String!) {
    proposeOwnHandlingOutcome(code: $code, label: $label, behavesAs: $behavesAs, reason: $reason) {
      id
      status
    }
  }
`);

export const REVIEW_OWN_OUTCOME = graphql(`
  mutation ReviewOwnHandlingOutcome($id: ID!, $approve: Boolean!, $comment: String) {
    reviewOwnHandlingOutcome(id: $id, approve: $approve, comment: $comment) {
      id
      status
      reviewComment
    }
  }
`);

export const RETIRE_OWN_OUTCOME = graphql(`
  mutation ProposeOwnHandlingOutcomeRetirement($id: ID!, $reason: String!) {
    proposeOwnHandlingOutcomeRetirement(id: $id, reason: $reason) {
      id
      status
      retireReason
    }
  }
`);
