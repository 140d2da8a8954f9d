import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 证据: a photo or document copy of an inspection record, uploaded by the team or attached by the entity
 * to its statement. The bytes live in object storage under `storage_key`; `sha256` is what was received.
 * Once sealed (the record submitted, or the statement submitted) a row never changes or goes.
 */
@Entity('evidence_files')
@Index(['tenantId', 'inspectionId'])
@Index(['tenantId', 'statementId'])
@Index('IDX_evidence_files_rectification', ['tenantId', 'rectificationId'])
// Unique per record where set (migration FieldEvidence).
@Index('evidence_files_client_key', { synchronize: false })
@Check(
  'evidence_files_position',
  '(latitude IS NULL) = (longitude IS NULL) AND (latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180))',
)
export class EvidenceFile {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'inspection_id', type: 'uuid' }) inspectionId!: string;
  /** Set for the entity's attachments to its statement or objection. */
  @Column({ name: 'statement_id', type: 'uuid', nullable: true }) statementId!: string | null;
  /** Set for the entity's files of its rectification report (sealed when uploaded). */
  @Column({ name: 'rectification_id', type: 'uuid', nullable: true }) rectificationId!: string | null;
  /** As uploaded (shown and offered on download); never used in a path. */
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  /** From the file's leading bytes, not from what the client said. */
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ name: 'storage_key', type: 'text' }) storageKey!: string;
  @Column({ name: 'uploaded_by_user', type: 'uuid', nullable: true }) uploadedByUser!: string | null;
  @Column({ name: 'uploaded_by_entity', type: 'boolean', default: false }) uploadedByEntity!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'sealed_at', type: 'timestamptz', nullable: true }) sealedAt!: Date | null;
  /** When the photo was taken, as the inspector's device said. */
  @Column({ name: 'taken_at', type: 'timestamptz', nullable: true }) takenAt!: Date | null;
  /** Where, with the inspector's consent (WGS 84 from the device; accuracy in metres). */
  @Column({ type: 'double precision', nullable: true }) latitude!: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude!: number | null;
  @Column({ name: 'position_accuracy', type: 'double precision', nullable: true }) positionAccuracy!: number | null;
  /** The device's key of the upload: a retry with the same key gives this row again. */
  @Column({ name: 'client_key', type: 'text', nullable: true }) clientKey!: string | null;
}
