import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { ROLES, type Role } from '@spotcheck/shared';
import { Node } from '../../graphql/node';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [R in Role]: R };
registerEnumType(RoleEnum, { name: 'Role' });

export enum UserStatus {
  /** Invited; becomes ACTIVE when the invitation code is redeemed with a password. */
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}
registerEnumType(UserStatus, { name: 'UserStatus' });

/** A person who signs in. Usernames are unique across the platform (see the account_names index). */
@Entity('users')
@Index(['tenantId', 'departmentId'])
@ObjectType({ implements: Node, description: '用户' })
export class User extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  declare id: string;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Field()
  @Column({ type: 'text' })
  username!: string;

  @Field()
  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Field(() => [RoleEnum])
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: Role[];

  @Field(() => UserStatus)
  @Column({ type: 'text', default: UserStatus.ACTIVE })
  status!: UserStatus;

  @Column({ name: 'failed_logins', type: 'integer', default: 0 })
  failedLogins!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
