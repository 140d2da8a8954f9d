import { Column, Entity, PrimaryColumn } from 'typeorm';

const bigintNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * A published head of a tenant's audit chain: the newest event's `seq` and `hash` when the anchor job
 * ran. Append-only for the app role. A later chain without event `seq`, or with another hash there,
 * has lost its end (see verifyAuditChain).
 */
@Entity('audit_anchors')
export class AuditAnchor {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'bigint', transformer: bigintNumber }) seq!: number;
  @Column({ type: 'text' }) hash!: string;
  @Column({ name: 'anchored_at', type: 'timestamptz' }) anchoredAt!: Date;
}

/** The province's own copy of a head of a bureau below it, kept in the province's tenant. */
@Entity('audit_anchor_copies')
export class AuditAnchorCopy {
  /** The province that keeps the copy. */
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'bureau_id', type: 'uuid' }) bureauId!: string;
  @PrimaryColumn({ type: 'bigint', transformer: bigintNumber }) seq!: number;
  @Column({ type: 'text' }) hash!: string;
  @Column({ name: 'anchored_at', type: 'timestamptz' }) anchoredAt!: Date;
}
