/** The audit page's filter form, and what it asks the server (days are Beijing days). */
import { addCalendarDays, beijingDayStartText } from '@spotcheck/shared';

export interface AuditFilterValues {
  prefix?: string;
  from?: string;
  to?: string;
  actor?: string;
}

export interface AuditFilter {
  actionPrefix: string | null;
  since: string | null;
  until: string | null;
  actorUsername: string | null;
}

export const NO_FILTER: AuditFilter = { actionPrefix: null, since: null, until: null, actorUsername: null };

export const PREFIX_PATTERN = /^[a-z0-9_.-]*$/;
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]*$/;

export function auditFilterOf(values: AuditFilterValues): AuditFilter {
  const prefix = values.prefix?.trim();
  const actor = values.actor?.trim();
  return {
    actionPrefix: prefix || null,
    since: values.from ? beijingDayStartText(values.from) : null,
    // Up to the end of the last day chosen.
    until: values.to ? beijingDayStartText(addCalendarDays(values.to, 1)) : null,
    actorUsername: actor || null,
  };
}
