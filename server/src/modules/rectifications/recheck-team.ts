import type { EntityManager } from 'typeorm';
import { drawRecheckTeam, type RecheckDraw } from '@spotcheck/shared';
import { ruleViolation } from '../../graphql/errors';
import type { Inspection } from '../inspections/inspection.entity';
import { RuleSetVersion } from '../rules/rule-set.entity';
import { Rectification } from './rectification.entity';

export interface RecheckTeam {
  teamIds: string[];
  /** The random draw as recorded (null: the record's own team re-checks). */
  draw: RecheckDraw | null;
}

/**
 * Who re-checks a rectification opened today, as the bureau's rules in force say: the record's own team,
 * or a team of the rules' team size drawn from the bureau's inspectors who can sign in and hold a
 * certificate valid over the whole period, other than the record's team (all of them when too few are
 * left). The draw is the specified stream of `drawRecheckTeam`, its facts recorded for anyone to redo.
 */
export async function recheckTeamFor(
  m: EntityManager,
  tenantId: string,
  record: Pick<Inspection, 'id' | 'teamIds'>,
  openedOn: string,
  dueOn: string,
): Promise<RecheckTeam> {
  const rules = await m.findOne(RuleSetVersion, { where: { tenantId }, order: { version: 'DESC' } });
  if (rules?.rules.rectification.recheckTeam !== 'RANDOM') return { teamIds: record.teamIds, draw: null };
  const eligible = (
    (await m.query(
      `SELECT p.id FROM inspectors p JOIN users u ON u.tenant_id = p.tenant_id AND u.id = p.user_id
        WHERE p.tenant_id = $1 AND p.status = 'ACTIVE' AND u.status = 'ACTIVE' AND p.certificate_valid_from <= $2 AND p.certificate_valid_to >= $3
        ORDER BY p.id`,
      [tenantId, openedOn, dueOn],
    )) as { id: string }[]
  ).map((r) => r.id);
  const size = rules.rules.team.minSize;
  const others = eligible.filter((id) => !record.teamIds.includes(id));
  const pool = others.length >= size ? others : eligible;
  if (pool.length < size) throw ruleViolation('rectification.recheckTeam', `本单位可抽取的执法人员不足 ${size} 人，无法随机抽取复查组`);
  const ordinal = await m.createQueryBuilder(Rectification, 'r').where('r.tenant_id = :t AND r.inspection_id = :i', { t: tenantId, i: record.id }).getCount();
  const draw = drawRecheckTeam({ tenantId, inspectionId: record.id, ordinal, openedOn, pool, size });
  return { teamIds: draw.team, draw };
}
