import {
  entityWeight,
  formatRatio,
  itemTargets,
  poolExclusion,
  poolRiskClass,
  stratumRatio,
  type CreditStatus,
  type DrawEntity,
  type DrawStratum,
  type EntityYear,
  type PoolExclusionRule,
  type PoolTaskScope,
  type RiskClass,
  type RuleSet,
} from '@spotcheck/shared';
import type { PoolItem } from './pool-facts';
import type { PoolRow } from './pool-entities';
import { RISK_STRATA, stratumKey, type RiskStratum } from './stratum-key';

type Excluded = Record<PoolExclusionRule, number>;
const noneExcluded = (): Excluded => ({ creditExempt: 0, drawnThisYear: 0, maxDrawsPerYear: 0 });

interface Bucket {
  entities: DrawEntity[];
  excluded: Excluded;
}

/** A stratum as the ceremony screen and the record's meta count it. */
export interface StratumSummary {
  key: string;
  item: string;
  riskLevel?: RiskStratum;
  ratio: string;
  eligible: number;
  /** Entities each rule (POOL_EXCLUSION_RULES) left out of the stratum. */
  excluded: Record<string, number>;
}

/** What the rules need to know of the entities some rule names by id. */
export interface NamedEntities {
  history: ReadonlyMap<string, EntityYear>;
  /** The credit loop's watch list and blacklist. */
  listed: ReadonlyMap<string, CreditStatus>;
  /** 联合惩戒: the province's weight of the entities another bureau of the province blacklisted. */
  jointPunished?: ReadonlyMap<string, number>;
}

/**
 * Sorts the entities of the directory, row by row, into the strata of a task under the rules of
 * `@spotcheck/shared`'s eligibility (itemTargets, poolRiskClass, poolExclusion, entityWeight): one bucket
 * per item, or per item and risk stratum (RISK_STRATA order) when the rules split by risk. What repeats
 * over millions of rows (an item's targeting per target type, a weight per combination of facts) is
 * worked out once.
 */
export class PoolStrata {
  /** Entities of the filtered directory left out for being of another risk class than the task's. */
  otherClasses = 0;
  private readonly byRisk: boolean;
  private readonly onlyClasses: ReadonlySet<RiskClass> | null;
  private readonly buckets: Bucket[][];
  private readonly targetedBy = new Map<string | null, boolean[]>();
  private lastType: string | null | undefined;
  private lastTargeted: boolean[] = [];
  /** credit class → (min(complaints, 100), violation, list, risk) → weight */
  private readonly weights = new Map<string, Map<number, string>>();

  constructor(
    private readonly rules: RuleSet,
    private readonly items: readonly PoolItem[],
    private readonly scope: PoolTaskScope,
    private readonly named: NamedEntities,
  ) {
    this.byRisk = rules.strata.byRiskLevel;
    this.onlyClasses = scope.riskClasses?.length ? new Set(scope.riskClasses) : null;
    this.buckets = items.map(() => Array.from({ length: this.byRisk ? RISK_STRATA.length : 1 }, () => ({ entities: [], excluded: noneExcluded() })));
  }

  /**
   * Puts the entity into each of its items' strata it is eligible for; `tags` are its conflict tags.
   * Returns whether it entered any.
   */
  add(row: PoolRow, tags: string[] | undefined): boolean {
    const { rules, items } = this;
    if (row.targetType !== this.lastType) {
      this.lastType = row.targetType;
      let targeted = this.targetedBy.get(row.targetType);
      if (!targeted)
        this.targetedBy.set(row.targetType, (targeted = items.map((item) => itemTargets(item.target_type, row.targetType, this.scope.targetTypes))));
      this.lastTargeted = targeted;
    }
    // An entity no rule names (row.id '') is on no credit list and was not drawn this year.
    const creditStatus = row.id ? this.named.listed.get(row.id) : undefined;
    const jointPunishmentWeight = row.id ? this.named.jointPunished?.get(row.id) : undefined;
    const history = row.id ? this.named.history.get(row.id) : undefined;
    // A literal, not a spread of the row: a spread per row costs some five times as much over a million rows.
    const risk = poolRiskClass(rules, {
      riskLevel: row.riskLevel,
      complaints: row.complaints,
      hasViolation: row.hasViolation,
      creditClass: row.creditClass,
      creditStatus,
      targetType: row.targetType,
    });
    if (this.onlyClasses && !this.onlyClasses.has(risk)) {
      this.otherClasses += 1;
      return false;
    }
    const level = this.byRisk ? RISK_STRATA.indexOf(risk) : 0;
    let entered = false;
    for (let i = 0; i < items.length; i += 1) {
      if (!this.lastTargeted[i]) continue;
      const bucket = this.buckets[i]![level]!;
      const excluded = poolExclusion(rules, { creditClass: row.creditClass, history }, items[i]!.id, this.scope.extraRiskRound);
      if (excluded) {
        bucket.excluded[excluded] += 1;
        continue;
      }
      const weight = this.weightOf(row, creditStatus, risk, jointPunishmentWeight);
      bucket.entities.push(tags ? { key: row.uscc, weight, tags } : { key: row.uscc, weight });
      entered = true;
    }
    return entered;
  }

  private weightOf(row: PoolRow, creditStatus: CreditStatus | undefined, risk: RiskClass, jointPunishmentWeight: number | undefined): string {
    const creditClass = row.creditClass ?? 'B';
    let byCredit = this.weights.get(creditClass);
    if (!byCredit) this.weights.set(creditClass, (byCredit = new Map()));
    // The province's weight is one value for the whole draw: being joint-punished is one more bit of the key.
    const list = (creditStatus === 'WATCH' ? 1 : creditStatus === 'BLACKLIST' ? 2 : 0) * 2 + (jointPunishmentWeight === undefined ? 0 : 1);
    const key = ((Math.min(row.complaints, 100) * 2 + (row.hasViolation ? 1 : 0)) * 6 + list) * 4 + (this.byRisk ? 0 : RISK_STRATA.indexOf(risk));
    let weight = byCredit.get(key);
    if (weight === undefined)
      byCredit.set(key, (weight = entityWeight(this.rules, { ...row, creditStatus, jointPunishmentWeight, risk: this.byRisk ? undefined : risk })));
    return weight;
  }

  /**
   * The strata, item by item. A risk stratum is drawn at its class's ratio (风险分类: higher for high risk,
   * 000 第十一条). A risk class with nothing eligible is no stratum (it would ask for entities it does not
   * have); an item with nothing eligible at all keeps its plain stratum, empty, for the precheck to refuse.
   */
  strata(): { strata: DrawStratum[]; summary: StratumSummary[] } {
    const strata: DrawStratum[] = [];
    const summary: StratumSummary[] = [];
    for (const [i, item] of this.items.entries()) {
      const add = (key: string, riskLevel: RiskStratum | undefined, bucket: Bucket) => {
        const ratio = riskLevel ? formatRatio(stratumRatio(item.ratio, riskLevel, this.rules.risk)) : item.ratio;
        strata.push({ key, ratio, entities: bucket.entities });
        summary.push({ key, item: item.name, ...(riskLevel ? { riskLevel } : {}), ratio, eligible: bucket.entities.length, excluded: bucket.excluded });
      };
      if (!this.byRisk) {
        add(stratumKey(item.id), undefined, this.buckets[i]![0]!);
        continue;
      }
      const levels = RISK_STRATA.map((risk, l) => ({ risk, bucket: this.buckets[i]![l]! }));
      const drawn = levels.filter(({ bucket }) => bucket.entities.length > 0);
      if (drawn.length) for (const { risk, bucket } of drawn) add(stratumKey(item.id, risk), risk, bucket);
      else {
        const excluded = noneExcluded();
        for (const { bucket } of levels) for (const k of Object.keys(excluded) as PoolExclusionRule[]) excluded[k] += bucket.excluded[k];
        add(stratumKey(item.id), undefined, { entities: [], excluded });
      }
    }
    return { strata, summary };
  }
}
