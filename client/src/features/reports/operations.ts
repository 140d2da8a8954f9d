import { graphql } from '../../gql';
import type { AnnualReportQuery } from '../../gql/graphql';

export type AnnualReportData = AnnualReportQuery['annualReport'];
export type ReportFigures = AnnualReportData['totals'];
export type ReportBureau = AnnualReportData['bureaus'][number];

export const ANNUAL_REPORT_FIGURES = graphql(`
  fragment AnnualReportFiguresFields on AnnualReportFigures {
    work {
      publishedPlans
      plannedRounds
      roundsHeld
      tasks
      drawnTasks
    }
    inspections {
      directoryEntities
      selections
      drawnEntities
      records
      published
      inspectedEntities
      coveredEntities
      coverage
      problems
      problemRate
    }
    lateness {
      reportedLate
      publishedLate
      overdueRecords
      unreportedSelections
    }
    handling {
      decided
      byOutcome {
        outcome
        label
        count
      }
    }
    rectification {
      opened
      closedInTime
      closedInTimeRate
    }
    referrals {
      referred
      filed
    }
  }
`);

export const ANNUAL_REPORT = graphql(`
  query AnnualReport($year: Int!) {
    annualReport(year: $year) {
      year
      asOf
      scope
      unitName
      totals {
        ...AnnualReportFiguresFields
      }
      sections {
        name
        title
        lines {
          label
          value
        }
      }
      bureaus {
        id
        name
        regionCode
        figures {
          ...AnnualReportFiguresFields
        }
      }
    }
  }
`);
