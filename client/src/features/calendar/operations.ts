import { graphql } from '../../gql';
import type { CalendarPageQuery } from '../../gql/graphql';

export type Adjustment = CalendarPageQuery['calendarAdjustments'][number];

export const CALENDAR_PAGE = graphql(`
  query CalendarPage($year: Int) {
    calendarAdjustments(year: $year) {
      date
      working
      note
      createdAt
    }
    calendarCoverage {
      officialYears
      platformYears
    }
  }
`);

export const ADD_CALENDAR_ADJUSTMENT = graphql(`
  mutation AddCalendarAdjustment($input: CalendarDayInput!) {
    addCalendarAdjustment(input: $input) {
      date
      working
      note
      createdAt
    }
  }
`);

export const REMOVE_CALENDAR_ADJUSTMENT = graphql(`
  mutation RemoveCalendarAdjustment($date: Date!) {
    removeCalendarAdjustment(date: $date)
  }
`);

export const LOCAL_DEADLINE = graphql(`
  query LocalDeadline($from: Date!, $days: Int!) {
    addLocalWorkdays(from: $from, days: $days) {
      date
      provisional
      provisionalYears
    }
  }
`);
