/**
 * Why a draw cannot run. Input errors mean the input is malformed (fix the data); infeasibility means
 * the input is well-formed but the rules cannot be met (change the plan: more inspectors, a higher
 * workload cap, fewer exclusions…). Messages are in Chinese for the people who run the ceremony.
 */

export const DRAW_CONSTRAINTS = [
  /** Team size below 2 (national practice: at least two inspectors per target). */
  'TEAM_SIZE_TOO_SMALL',
  /** A stratum has no entity but asks for at least one. */
  'NO_ELIGIBLE_ENTITIES',
  /** Fewer inspectors than the team size, overall or for one entity after its exclusions. */
  'TOO_FEW_INSPECTORS',
  /** A required group has no inspector, overall or for one entity after its exclusions. */
  'GROUP_WITHOUT_INSPECTOR',
  /** More required groups than seats in a team. */
  'TOO_MANY_REQUIRED_GROUPS',
  /** The workload cap leaves too few inspector-slots. */
  'WORKLOAD_CAP',
  /** A stream would need a 2^33rd block (more than 2^35 integers): unreachable in practice, but specified. */
  'STREAM_EXHAUSTED',
] as const;

export type DrawConstraint = (typeof DRAW_CONSTRAINTS)[number];

/**
 * Where the draw stopped: before using the seed (depends on the input only), while selecting (only a
 * stream running out, STREAM_EXHAUSTED) or while forming teams.
 */
export type DrawFailurePhase = 'precheck' | 'selection' | 'teams';

export interface DrawFailureDetails {
  constraint: DrawConstraint;
  phase: DrawFailurePhase;
  stratumKey?: string;
  entityKey?: string;
  group?: string;
}

export class DrawInfeasibleError extends Error {
  override readonly name = 'DrawInfeasibleError';
  readonly constraint: DrawConstraint;
  readonly phase: DrawFailurePhase;
  declare readonly stratumKey?: string;
  declare readonly entityKey?: string;
  declare readonly group?: string;

  constructor(details: DrawFailureDetails, message: string) {
    super(message);
    this.constraint = details.constraint;
    this.phase = details.phase;
    const self = this as { stratumKey?: string; entityKey?: string; group?: string };
    if (details.stratumKey !== undefined) self.stratumKey = details.stratumKey;
    if (details.entityKey !== undefined) self.entityKey = details.entityKey;
    if (details.group !== undefined) self.group = details.group;
  }

  /** The JSON form kept in a draw record. */
  details(): DrawFailureDetails {
    const out: DrawFailureDetails = { constraint: this.constraint, phase: this.phase };
    if (this.stratumKey !== undefined) out.stratumKey = this.stratumKey;
    if (this.entityKey !== undefined) out.entityKey = this.entityKey;
    if (this.group !== undefined) out.group = this.group;
    return out;
  }
}

/** A malformed draw input: `path` points at the offending field, e.g. `strata[2].entities[7].weight`. */
export class DrawInputError extends Error {
  override readonly name = 'DrawInputError';
  readonly code = 'INVALID_INPUT' as const;
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}
