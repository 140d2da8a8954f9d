import { graphql } from '../../gql';
import type { DashboardFiguresFieldsFragment, DashboardRowFieldsFragment, ProvincialDashboardQuery } from '../../gql/graphql';

export type Figures = DashboardFiguresFieldsFragment;
export type BreakdownRow = DashboardRowFieldsFragment;
export type ProvincialData = ProvincialDashboardQuery['provincialDashboard'];
export type RegionRow = ProvincialData['byRegion'][number];
export type BureauRow = ProvincialData['byBureau'][number];

export const DASHBOARD_FIGURES = graphql(`
  fragment DashboardFiguresFields on DashboardFigures {
    entities
    inspectedEntities
    coverage
    drawn
    completed
    completion
    records
    published
    problems
    problemRate
    overdue
  }
`);

export const DASHBOARD_ROW = graphql(`
  fragment DashboardRowFields on DashboardRow {
    key
    label
    figures {
      ...DashboardFiguresFields
    }
  }
`);

export const DASHBOARD = graphql(`
  query Dashboard($year: Int) {
    dashboard(year: $year) {
      year
      asOf
      dataAsOf
      bureau {
        id
        name
      }
      totals {
        ...DashboardFiguresFields
      }
      byItem {
        ...DashboardRowFields
      }
      byDepartment {
        ...DashboardRowFields
      }
      byMonth {
        ...DashboardRowFields
      }
    }
  }
`);

export const PROVINCIAL_DASHBOARD = graphql(`
  query ProvincialDashboard($year: Int, $regionCode: String) {
    provincialDashboard(year: $year, regionCode: $regionCode) {
      year
      asOf
      dataAsOf
      region {
        code
        name
        level
      }
      trail {
        code
        name
      }
      totals {
        ...DashboardFiguresFields
      }
      byRegion {
        region {
          code
          name
          level
        }
        own
        bureaus
        figures {
          ...DashboardFiguresFields
        }
      }
      byBureau {
        id
        name
        kind
        regionCode
        figures {
          ...DashboardFiguresFields
        }
      }
      byItem {
        ...DashboardRowFields
      }
      byDepartment {
        ...DashboardRowFields
      }
      byMonth {
        ...DashboardRowFields
      }
    }
  }
`);
