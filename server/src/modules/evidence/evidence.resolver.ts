import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/permissions';
import { Inspection } from '../inspections/inspection.entity';
import { removeEvidence, verifyInspectionEvidence } from './evidence.service';
import { recordEvidence } from './evidence-reads';
import { EvidenceFileView, EvidenceVerification } from './evidence.types';

@Resolver(() => Inspection)
export class InspectionEvidenceResolver {
  @FieldResolver(() => [EvidenceFileView], {
    nullable: true,
    description: '检查组上传的证据（检查组、部门负责人、分管领导、纪检监督、办公室可见；其他人为空）。上传：POST /api/inspections/{id}/evidence',
  })
  evidence(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return recordEvidence(ctx, record);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: '检查组删除尚未封存的证据' })
  removeEvidence(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return removeEvidence(ctx, id);
  }

  @SignedIn()
  @Mutation(() => EvidenceVerification, { description: '重新计算检查记录全部证据的哈希，报告一致、被改动或缺失；校验失败记入审计日志' })
  verifyInspectionEvidence(@Ctx() ctx: RequestContext, @Arg('inspectionId', () => ID) inspectionId: string) {
    return verifyInspectionEvidence(ctx, inspectionId);
  }
}
