import type { DrawFailureDetails } from './errors';

/** One entity of a stratum's frozen pool. */
export interface DrawEntity {
  /** Identifies the entity, e.g. its USCC. Unique within the stratum. */
  key: string;
  /** Successive-draw weight: decimal string with at most 4 places, > 0 (e.g. "1", "1.5", "0.25"). */
  weight: string;
  /**
   * Conflict tags, e.g. `region:410481`, `dept:<id>`: no inspector sharing one of them may join this
   * entity's team. Omitted when there are none; the same in every stratum that lists the entity.
   */
  tags?: string[];
}

/** A stratum: the entities one item (or item × risk class) draws from, and how many it draws. */
export interface DrawStratum {
  /** e.g. `item:<id>` or `item:<id>|risk:HIGH`. Unique in the input. */
  key: string;
  /** Exact decimal in [0, 1] with at most 4 places, e.g. "0.10" for “不低于10%”. */
  ratio: string;
  /** Lower bound on the count, an integer ≥ 0; absent means 0. */
  minCount?: number;
  entities: DrawEntity[];
}

export interface DrawInspector {
  /** Identifies the inspector, e.g. the certificate number. Unique in the input. */
  key: string;
  /** The participant the inspector belongs to; a single-bureau task has one group. */
  group: string;
  /** Conflict tags (see DrawEntity.tags); omitted when there are none. */
  tags?: string[];
}

/** The groups that must each hold a seat in the team of any entity the stratum selects. */
export interface DrawRequiredGroups {
  stratumKey: string;
  groups: string[];
}

/** An inspector who must not inspect an entity, decided before the draw. */
export interface DrawExclusion {
  entityKey: string;
  inspectorKey: string;
  /** Short code, e.g. RECUSAL, PREVIOUS_INSPECTOR, SAME_REGION — published, so no personal details. */
  reason: string;
}

/** Everything that determines the result besides the seed. Frozen and hashed before the draw. */
export interface DrawInput {
  strata: DrawStratum[];
  inspectors: DrawInspector[];
  /** Inspectors per team, an integer ≥ 2. */
  teamSize: number;
  /** Most entities one inspector may get in this draw, an integer ≥ 1; null for no cap. */
  workloadCap: number | null;
  requiredGroups: DrawRequiredGroups[];
  exclusions: DrawExclusion[];
}

export interface DrawSelection {
  stratumKey: string;
  /** Selected entity keys in draw order. */
  entityKeys: string[];
}

export interface DrawTeam {
  entityKey: string;
  /** Inspector keys in pick order: required groups first (sorted), then the fill. */
  inspectorKeys: string[];
}

export interface DrawOutcome {
  /** One entry per stratum, in canonical order (strata with nothing to draw have an empty list). */
  selections: DrawSelection[];
  /** One entry per distinct selected entity, in first-selected order. */
  teams: DrawTeam[];
}

/**
 * The published record of a draw. Everything except `meta` is checked by `verifyDraw`.
 * Before the reveal `serverSeed` is null; `result` is null exactly when `failure` is set.
 */
export interface DrawRecord {
  /** Equal to `algorithm`: `spotcheck-draw/1`, or `spotcheck-draw/2` whose keys are pseudonyms. */
  format: 'spotcheck-draw/1' | 'spotcheck-draw/2';
  algorithm: 'spotcheck-draw/1' | 'spotcheck-draw/2';
  /** The input in canonical form (sorted, decimals in normal form, minCount explicit). */
  input: DrawInput;
  /** Lower-case hex SHA-256 of the canonical input text. */
  inputHash: string;
  /** Lower-case hex SHA-256 of the 32 server seed bytes, published before the ceremony. */
  commitment: string;
  /** Lower-case hex of the 32 server seed bytes; null until revealed. */
  serverSeed: string | null;
  /** Ceremony entropy in the order it enters the seed: witness entries, then the public number. */
  publicEntropy: string[];
  /** Lower-case hex of the 32-byte draw seed. */
  seed: string;
  result: DrawOutcome | null;
  /** Set when the draw could not complete; verifiers reproduce it like a result. */
  failure: DrawFailureDetails | null;
  /** Informative only (tenant, task, rule version, times): neither hashed nor verified. */
  meta?: Record<string, unknown>;
}
