import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { beijingDate, toGlobalId } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { CreditListKind } from '../credit/credit-list.types';
import { PublicBureauRef } from './public-portal.types';

/**
 * The entity page's rectifications and credit entries, from the owner-rights views of migration
 * PublicEntityHistory and CreditListWalls: what is published, of active bureaus, by USCC. Never the entity's report, the
 * re-check, a note, a person, nor anything of the bureau's own rating of the entity.
 */

export enum PublicRectificationStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  OVERDUE = 'OVERDUE',
  DONE = 'DONE',
  NOT_DONE = 'NOT_DONE',
}
registerEnumType(PublicRectificationStatus, { name: 'PublicRectificationStatus', description: '整改中 / 逾期未整改 / 整改完成 / 未按期整改' });

@ObjectType({ description: '公示：责令整改（仅已公示的检查结果的整改）' })
export class PublicRectification {
  @Field(() => ID) id!: string;
  @Field(() => PublicBureauRef) bureau!: PublicBureauRef;
  @Field(() => ID, { description: '责令整改所依据的公示结果' }) resultId!: string;
  @Field({ description: '责令整改日期 YYYY-MM-DD' }) orderedOn!: string;
  @Field(() => Int, { description: '整改期限（工作日）' }) dueWorkingDays!: number;
  @Field({ description: '整改期限届满日 YYYY-MM-DD' }) dueOn!: string;
  @Field(() => PublicRectificationStatus) status!: PublicRectificationStatus;
  @Field(() => String, { nullable: true, description: '办结日期 YYYY-MM-DD' }) closedOn!: string | null;
}

@ObjectType({ description: '公示：该检查对象在公示期内的黑名单、重点关注名单条目（各单位；期满或经信用修复移出的不再公示）' })
export class PublicCreditHistoryEntry {
  @Field(() => ID) id!: string;
  @Field(() => PublicBureauRef) bureau!: PublicBureauRef;
  @Field(() => CreditListKind) list!: CreditListKind;
  @Field({ description: '列入时的名称' }) entityName!: string;
  @Field({ description: '列入理由' }) reason!: string;
  @Field({ description: '列入依据' }) legalBasis!: string;
  @Field({ description: '决定日期 YYYY-MM-DD' }) decidedOn!: string;
  @Field({ description: '公示期至 YYYY-MM-DD' }) validUntil!: string;
}

const LIMIT = 200;
type Row = Record<string, string | number | null>;
const bureauOf = (r: Row): PublicBureauRef => ({
  id: toGlobalId('Tenant', String(r.tenant_id)),
  name: String(r.bureau_name),
  regionCode: String(r.bureau_region),
});

/** The rectifications of the entity's published results, newest first. */
export async function readEntityRectifications(ctx: RequestContext, uscc: string): Promise<PublicRectification[]> {
  const rows = (await ctx.app.replicaReads.query(
    `SELECT r.tenant_id, r.id, r.inspection_id, r.opened_on::text AS opened_on, r.due_working_days, r.due_on::text AS due_on, r.status,
            r.closed_on::text AS closed_on, b.name AS bureau_name, b.region_code AS bureau_region
       FROM public_rectifications r JOIN public_tenants b ON b.id = r.tenant_id
      WHERE r.entity_uscc = $1 ORDER BY r.opened_on DESC, r.id LIMIT ${LIMIT}`,
    [uscc],
  )) as Row[];
  const today = beijingDate();
  return rows.map((r) => {
    const dueOn = String(r.due_on);
    const closed = r.status === 'DONE' || r.status === 'NOT_DONE';
    return {
      id: toGlobalId('Rectification', String(r.id)),
      bureau: bureauOf(r),
      resultId: toGlobalId('Inspection', String(r.inspection_id)),
      orderedOn: String(r.opened_on),
      dueWorkingDays: Number(r.due_working_days),
      dueOn,
      status: closed ? (r.status as PublicRectificationStatus) : dueOn < today ? PublicRectificationStatus.OVERDUE : PublicRectificationStatus.IN_PROGRESS,
      closedOn: closed ? (r.closed_on as string | null) : null,
    };
  });
}

/**
 * The entity's credit entries in force, of every bureau, newest decision first: the rows the bureaus' own
 * public lists show (public_credit_entries). An entry whose period ended, or that a 信用修复 ended, is no
 * longer published anywhere — that is what the repair is for.
 */
export async function readEntityCreditHistory(ctx: RequestContext, uscc: string): Promise<PublicCreditHistoryEntry[]> {
  const rows = (await ctx.app.replicaReads.query(
    `SELECT c.tenant_id, c.id, c.list, c.entity_name, c.reason, c.legal_basis, c.decided_on::text AS decided_on, c.valid_until::text AS valid_until,
            b.name AS bureau_name, b.region_code AS bureau_region
       FROM public_credit_entries c JOIN public_tenants b ON b.id = c.tenant_id
      WHERE c.entity_uscc = $1 ORDER BY c.decided_on DESC, c.id LIMIT ${LIMIT}`,
    [uscc],
  )) as Row[];
  return rows.map((r) => ({
    id: toGlobalId('CreditListEntry', String(r.id)),
    bureau: bureauOf(r),
    list: r.list as CreditListKind,
    entityName: String(r.entity_name),
    reason: String(r.reason),
    legalBasis: String(r.legal_basis),
    decidedOn: String(r.decided_on),
    validUntil: String(r.valid_until),
  }));
}
