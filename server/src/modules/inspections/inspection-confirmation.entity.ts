import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A team member's confirmation of the record's content as it was (its hash) when confirmed. */
@Entity('inspection_confirmations')
export class InspectionConfirmation {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'inspection_id', type: 'uuid' }) inspectionId!: string;
  @PrimaryColumn({ name: 'inspector_id', type: 'uuid' }) inspectorId!: string;
  @Column({ name: 'content_hash', type: 'text' }) contentHash!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @CreateDateColumn({ name: 'confirmed_at', type: 'timestamptz' }) confirmedAt!: Date;
}
