import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { JointRecordPart } from '../joint/joint-record-parts';
import { INSPECTION_WORKFLOW, toGlobalId } from '@spotcheck/shared';
import { EvidenceFileView, evidenceView, type EvidenceAudience } from '../evidence/evidence.types';
import type { EvidenceFile } from '../evidence/evidence-file.entity';
import { InspectionStatus, type Inspection } from '../inspections/inspection.entity';
import { ResultCategory } from '../inspections/inspection.types';
import type { ResultCategoryView } from '../inspections/result-categories';
import { StatementKind, type InspectionStatement } from './statement.entity';
import { EntityDrawLine } from './entity-draw-line';

registerEnumType(StatementKind, { name: 'StatementKind', description: 'STATEMENT 陈述 / OBJECTION 申辩（异议）' });

@ObjectType('EntityStatement', { description: '检查对象的陈述申辩，及检查组的答复和复核' })
export class EntityStatement {
  @Field(() => ID) id!: string;
  /** Local id of the record it was made on. */
  recordId!: string;
  @Field(() => StatementKind) kind!: StatementKind;
  @Field({ description: '陈述申辩内容' }) body!: string;
  @Field(() => Date, { nullable: true, description: '提交时间；未提交的草稿为空' }) submittedAt!: Date | null;
  @Field({ description: '在报告截止日之后提交（仍受理：期限约束的是检查人员，不是检查对象）' }) afterReportDue!: boolean;
  @Field({ description: '在检查记录公示之后提交（提示办公室，必要时更正）' }) afterPublication!: boolean;
  @Field(() => String, { nullable: true, description: '检查组答复' }) answer!: string | null;
  @Field(() => String, { nullable: true, description: '答复人' }) answeredBy!: string | null;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
  @Field({ description: '检查组决定复核' }) recheckRequired!: boolean;
  @Field(() => String, { nullable: true, description: '复核结果' }) recheckResult!: string | null;
  @Field(() => Date, { nullable: true }) recheckedAt!: Date | null;
  @Field({ description: '已办结：已答复，需复核的已复核' }) settled!: boolean;
  @Field(() => [EvidenceFileView], { description: '附件' }) attachments!: EvidenceFileView[];
}

export function isSettled(s: Pick<InspectionStatement, 'answeredAt' | 'recheckRequired' | 'recheckedAt'>): boolean {
  return s.answeredAt !== null && (!s.recheckRequired || s.recheckedAt !== null);
}

export function statementView(s: InspectionStatement, attachments: EvidenceFile[], audience: EvidenceAudience): EntityStatement {
  return Object.assign(new EntityStatement(), {
    id: toGlobalId('InspectionStatement', s.id),
    recordId: s.inspectionId,
    kind: s.kind,
    body: s.body,
    submittedAt: s.submittedAt,
    afterReportDue: s.afterReportDue,
    afterPublication: s.afterPublication,
    answer: s.answer,
    answeredBy: s.answeredByName,
    answeredAt: s.answeredAt,
    recheckRequired: s.recheckRequired,
    recheckResult: s.recheckResult,
    recheckedAt: s.recheckedAt,
    settled: isSettled(s),
    attachments: attachments.filter((f) => f.statementId === s.id).map((f) => evidenceView(f, audience)),
  });
}

@ObjectType('EntityRecordVersion', { description: '检查记录（检查对象可见的内容）' })
export class EntityRecordVersion {
  @Field(() => InspectionStatus) status!: InspectionStatus;
  @Field({ description: '状态名称' }) statusLabel!: string;
  @Field(() => String, { nullable: true, description: '检查日期' }) inspectedOn!: string | null;
  @Field(() => String, { nullable: true, description: '检查地点' }) place!: string | null;
  @Field(() => String, { nullable: true, description: '现场检查情况' }) siteConditions!: string | null;
  @Field(() => String, { nullable: true, description: '发现的问题' }) findings!: string | null;
  @Field(() => String, { nullable: true, description: '询问（谈话）记录' }) interviewNotes!: string | null;
  @Field(() => ResultCategory, { nullable: true, description: '检查结果' }) result!: ResultCategoryView | null;
  @Field(() => String, { nullable: true, description: '报告截止日' }) reportDueOn!: string | null;
  @Field(() => Date, { nullable: true }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '更正理由（本记录为更正时）' }) correctionReason!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('EntityRecord', { description: '检查对象凭查阅码看到的检查记录：最新的一份，及其更正前的记录' })
export class EntityRecordView extends EntityRecordVersion {
  @Field({ description: '检查单位' }) bureau!: string;
  @Field({ description: '检查对象名称' }) entityName!: string;
  @Field({ description: '统一社会信用代码' }) entityUscc!: string;
  @Field(() => [String], { description: '抽查事项' }) items!: string[];
  @Field(() => [String], { description: '检查组成员' }) team!: string[];
  @Field(() => [EntityStatement], { description: '已提交的陈述申辩及答复（含更正前记录的）' }) statements!: EntityStatement[];
  @Field(() => EntityStatement, { nullable: true, description: '尚未提交的陈述申辩草稿（附件先挂在草稿上）' }) draft!: EntityStatement | null;
  @Field(() => [EvidenceFileView], { description: '检查组的证据：公示后可见' }) evidence!: EvidenceFileView[];
  @Field(() => [EntityRecordVersion], { description: '被更正的早先记录，新的在前' }) history!: EntityRecordVersion[];
  @Field(() => [JointRecordPart], { description: '联合抽查：这次检查中各部门的记录部分（每部分有自己的查阅码，陈述申辩向该部分的检查组提出）；非联合抽查为空' })
  jointParts!: JointRecordPart[];
  @Field(() => EntityDrawLine, { nullable: true, description: '核验本单位在摇号记录中的位置（化名记录才有）' }) drawLine!: EntityDrawLine | null;
}

export function recordVersion(record: Inspection, result: ResultCategoryView | null): EntityRecordVersion {
  return Object.assign(new EntityRecordVersion(), {
    status: record.status,
    statusLabel: INSPECTION_WORKFLOW.states[record.status],
    inspectedOn: record.inspectedOn,
    place: record.place,
    siteConditions: record.siteConditions,
    findings: record.findings,
    interviewNotes: record.interviewNotes,
    result,
    reportDueOn: record.reportDueOn,
    submittedAt: record.submittedAt,
    approvedAt: record.approvedAt,
    publishedAt: record.publishedAt,
    correctionReason: record.correctionReason,
    createdAt: record.createdAt,
  });
}
