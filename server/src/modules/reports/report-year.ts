import { AppError } from '../../graphql/errors';

export const FIRST_REPORT_YEAR = 2000;

/** The year of a report: a whole year from 2000 up to this year in Beijing (`asOf`); a year not yet begun has no report. */
export function reportYear(year: unknown, asOf: string): number {
  const current = Number(asOf.slice(0, 4));
  if (typeof year !== 'number' || !Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > current) {
    const message = `年度应为 ${FIRST_REPORT_YEAR} 年至 ${current} 年之间的年份`;
    throw new AppError('BAD_USER_INPUT', message, { fields: [{ field: 'year', message }] });
  }
  return year;
}
