import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One drawn entity of a draw with its team, kept as rows for the rules of later draws (already drawn
 * this year, at most N times a year, not the same inspector twice running) and for inspections.
 */
@Entity('draw_selections')
@Index(['tenantId', 'year', 'entityId'])
export class DrawSelection {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ name: 'draw_id', type: 'uuid' }) drawId!: string;
  @PrimaryColumn({ type: 'integer' }) seq!: number;
  @Column({ type: 'integer' }) year!: number;
  @Column({ name: 'entity_id', type: 'uuid' }) entityId!: string;
  @Column({ name: 'item_ids', type: 'uuid', array: true }) itemIds!: string[];
  @Column({ name: 'inspector_ids', type: 'uuid', array: true }) inspectorIds!: string[];
}
