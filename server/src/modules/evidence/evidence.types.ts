import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '@spotcheck/shared';
import type { EvidenceFile } from './evidence-file.entity';

@ObjectType('EvidenceFile', { description: '证据文件（照片、文书复印件等），提交后封存，不可更改' })
export class EvidenceFileView {
  @Field(() => ID) id!: string;
  @Field({ description: '文件名' }) fileName!: string;
  @Field({ description: '按文件内容识别的类型' }) contentType!: string;
  @Field(() => Int, { description: '字节数' }) size!: number;
  @Field({ description: 'SHA-256（上传时计算）' }) sha256!: string;
  @Field({ description: '已封存（检查记录或陈述申辩已提交）' }) sealed!: boolean;
  @Field(() => Date, { nullable: true }) sealedAt!: Date | null;
  @Field({ description: '由检查对象随陈述申辩提交' }) byEntity!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field({ description: '下载地址（图片可直接预览）' }) url!: string;
  @Field(() => Date, { nullable: true, description: '拍摄时间（检查人员设备所记）' }) takenAt!: Date | null;
  @Field(() => Float, { nullable: true, description: '拍摄位置纬度（WGS 84，经检查人员同意；仅本单位工作人员可见）' }) latitude!: number | null;
  @Field(() => Float, { nullable: true, description: '拍摄位置经度（WGS 84）' }) longitude!: number | null;
  @Field(() => Float, { nullable: true, description: '定位精度（米）' }) positionAccuracy!: number | null;
}

/** Staff download with the bearer token; the entity's with its access code in a header. */
export type EvidenceAudience = 'staff' | 'entity';

export function evidenceView(row: EvidenceFile, audience: EvidenceAudience): EvidenceFileView {
  const id = toGlobalId('EvidenceFile', row.id);
  return Object.assign(new EvidenceFileView(), {
    id,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    sealed: row.sealedAt !== null,
    sealedAt: row.sealedAt,
    byEntity: row.uploadedByEntity,
    createdAt: row.createdAt,
    url: audience === 'staff' ? `/api/evidence/${id}` : `/api/entity-records/evidence/${id}`,
    takenAt: row.takenAt ?? null,
    // Where an inspector stood is for the bureau's staff; the entity's view of its record leaves it out.
    latitude: audience === 'staff' ? (row.latitude ?? null) : null,
    longitude: audience === 'staff' ? (row.longitude ?? null) : null,
    positionAccuracy: audience === 'staff' ? (row.positionAccuracy ?? null) : null,
  });
}

export enum EvidenceCheck {
  OK = 'OK',
  MISMATCH = 'MISMATCH',
  MISSING = 'MISSING',
}
registerEnumType(EvidenceCheck, { name: 'EvidenceCheck', description: 'OK 一致 / MISMATCH 内容已被改动 / MISSING 文件缺失' });

@ObjectType({ description: '一个证据文件的校验结果' })
export class EvidenceCheckResult {
  @Field(() => EvidenceFileView) file!: EvidenceFileView;
  @Field(() => EvidenceCheck) status!: EvidenceCheck;
  @Field(() => String, { nullable: true, description: '存储中文件的 SHA-256（缺失时为空）' }) actualSha256!: string | null;
}

@ObjectType({ description: '检查记录证据的完整性校验' })
export class EvidenceVerification {
  @Field({ description: '全部一致' }) ok!: boolean;
  @Field(() => Date) checkedAt!: Date;
  @Field(() => [EvidenceCheckResult]) files!: EvidenceCheckResult[];
}
