import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, PrimaryColumn } from 'typeorm';
import { registerEnumType } from 'type-graphql';

export enum InvitationPurpose {
  /** The first office administrator of a newly onboarded bureau. */
  ONBOARD_ADMIN = 'ONBOARD_ADMIN',
  /** A user invited by their bureau's office. */
  INVITE_USER = 'INVITE_USER',
  /** A password reset issued by the office. */
  RESET_PASSWORD = 'RESET_PASSWORD',
}
registerEnumType(InvitationPurpose, { name: 'InvitationPurpose' });

/**
 * A one-time code that lets one user set a password. Only the SHA-256 of the code is stored;
 * it expires and is spent on first use.
 */
@Entity('invitations')
@Index(['tenantId', 'userId'])
export class Invitation {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  purpose!: InvitationPurpose;

  @Column({ name: 'code_hash', type: 'text' })
  codeHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
