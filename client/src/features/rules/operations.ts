import { graphql } from '../../gql';
import type { RuleSetPageQuery } from '../../gql/graphql';

export type RuleVersion = RuleSetPageQuery['ruleSetHistory'][number];

export const RULE_SET_PAGE = graphql(`
  query RuleSetPage {
    ruleSet {
      version
      rules
      reason
      createdAt
    }
    ruleSetHistory {
      version
      rules
      reason
      createdAt
    }
    resultCategories {
      code
      label
      problem
      active
    }
  }
`);

export const UPDATE_RULE_SET = graphql(`
  mutation UpdateRuleSet($rules: JSON!, $reason: String!) {
    updateRuleSet(rules: $rules, reason: $reason) {
      version
      rules
      reason
      createdAt
    }
  }
`);
