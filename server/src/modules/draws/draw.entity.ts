import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Node } from '../../graphql/node';

export enum DrawStatus {
  /** Input frozen; its hash and the server seed's commitment are public; entropy is being collected. */
  COMMITTED = 'COMMITTED',
  /** Drawn, result stored, server seed revealed. Never changes again. */
  DRAWN = 'DRAWN',
}
registerEnumType(DrawStatus, { name: 'DrawStatus', description: '已封存待摇号 / 已摇号并公开种子' });

/** One entropy entry of the ceremony: who entered what, when. Only `value` enters the seed. */
export interface EntropyEntry {
  kind: 'WITNESS' | 'PUBLIC_NUMBER';
  value: string;
  /** The username of who entered it. */
  by: string;
  /** Their name, as the ceremony shows it (entries from before it was kept have only `by`). */
  byName?: string;
  at: string;
}

/** 摇号: a task's draw, from commitment to revealed result. The whole record is kept gzipped. */
@Entity('draws')
// A /2 draw keeps its pseudonyms' secret and key map (spec §16); a /1 draw has neither.
@Check('draws_pseudonymous_has_secret', `(algorithm = 'spotcheck-draw/2') = (pseudonym_secret IS NOT NULL AND key_map_gz IS NOT NULL)`)
@Index(['tenantId', 'taskId'])
@ObjectType({ implements: Node, description: '摇号' })
export class Draw extends Node {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId!: string;
  @PrimaryGeneratedColumn('uuid') declare id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId!: string;

  @Field(() => DrawStatus) @Column({ type: 'text' }) status!: DrawStatus;
  @Field({ description: '算法版本' }) @Column({ type: 'text' }) algorithm!: string;
  @Field({ description: '封存名单（含规则适用结果）的 SHA-256' }) @Column({ name: 'input_hash', type: 'text' }) inputHash!: string;
  @Field({ description: '服务器种子的承诺值 SHA-256(serverSeed)，摇号前公开' }) @Column({ type: 'text' }) commitment!: string;
  /** Secret until the draw; exposed only through the record once DRAWN. */
  @Column({ name: 'server_seed', type: 'text' }) serverSeed!: string;
  @Field(() => Int, { description: '所用细则版本' }) @Column({ name: 'rule_version', type: 'integer' }) ruleVersion!: number;
  @Field(() => GraphQLJSON, { description: '现场录入的熵：[{ kind, value, by, at }]' })
  @Column({ name: 'public_entropy', type: 'jsonb', default: () => "'[]'" })
  publicEntropy!: EntropyEntry[];
  @Field(() => GraphQLJSON, { description: '各层名单数量与抽取数量' }) @Column({ type: 'jsonb' }) summary!: Record<string, unknown>;
  /** gzip of the record JSON: the frozen input while COMMITTED, the whole record once DRAWN. */
  @Column({ name: 'record_gz', type: 'bytea' }) recordGz!: Buffer;
  /** spotcheck-draw/2: the secret of the draw's pseudonyms (never published); null for /1. */
  @Column({ name: 'pseudonym_secret', type: 'text', nullable: true }) pseudonymSecret!: string | null;
  /** spotcheck-draw/2: gzip JSON of pseudonym → stratum key, USCC, certificate number, tag; null for /1. */
  @Column({ name: 'key_map_gz', type: 'bytea', nullable: true }) keyMapGz!: Buffer | null;
  /** Declared when the pool is frozen; null for draws frozen before it was declared (free text, as announced then). */
  @Field(() => Int, { nullable: true, description: '封存时声明的公开号码位数（只录入数字）；早先封存的摇号为空' })
  @Column({ name: 'public_number_digits', type: 'smallint', nullable: true })
  publicNumberDigits!: number | null;
  @Field() @Column({ name: 'committed_at', type: 'timestamptz' }) committedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column({ name: 'drawn_at', type: 'timestamptz', nullable: true }) drawnAt!: Date | null;
  @Column({ name: 'committed_by', type: 'uuid', nullable: true }) committedBy!: string | null;
  @Column({ name: 'drawn_by', type: 'uuid', nullable: true }) drawnBy!: string | null;
}
