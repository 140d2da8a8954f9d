import type { EntityManager } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { pseudonymFromSalt, toGlobalId } from '@spotcheck/shared';
import { publicDrawRecordUrl } from '../draws/public-draws';
import { saltOf } from '../draws/pseudonyms';

@ObjectType({ description: '本单位在摇号记录中的位置（spotcheck-draw/2：记录只列化名，凭查阅码得到本单位的盐值即可自行核对）' })
export class EntityDrawLine {
  @Field({ description: '摇号编号' }) drawId!: string;
  @Field({ description: '算法版本' }) algorithm!: string;
  @Field({ description: '公开摇号记录的下载地址' }) recordUrl!: string;
  @Field({ description: '统一社会信用代码：与盐值一起重算化名' }) key!: string;
  @Field({ description: '本单位的盐值（64 位十六进制）：只能算出本单位的化名，算不出别人的' }) salt!: string;
  @Field({ description: '本单位在记录中的化名 = SHA-256(lp("spotcheck-draw/2 pseudonym") ‖ lp("entity") ‖ lp(盐值) ‖ lp(信用代码)) 的前 16 字节' })
  pseudonym!: string;
}

/**
 * The entity's own line of a pseudonymous draw: its salt (from the draw's secret and its USCC) and the
 * pseudonym it gives; null for a /1 draw, whose record names the entity anyway. A joint task's
 * participant holds a record of the lead's draw: its secret comes through `joint_draw_secret`, which
 * answers only for the caller's own record of a participation in that draw's task. The secret itself
 * never leaves the server; the entity gets its salt alone.
 */
export async function entityDrawLine(
  m: EntityManager,
  record: { tenantId: string; id: string; drawId: string; participationId: string | null },
  uscc: string,
): Promise<EntityDrawLine | null> {
  const [draw] = (
    record.participationId
      ? await m.query(`SELECT algorithm, pseudonym_secret FROM joint_draw_secret($1)`, [record.id])
      : await m.query(`SELECT algorithm, pseudonym_secret FROM draws WHERE tenant_id = $1 AND id = $2`, [record.tenantId, record.drawId])
  ) as { algorithm: string; pseudonym_secret: string | null }[];
  if (!draw?.pseudonym_secret) return null;
  const salt = saltOf(draw.pseudonym_secret, 'entity', uscc);
  const id = toGlobalId('Draw', record.drawId);
  return Object.assign(new EntityDrawLine(), {
    drawId: id,
    algorithm: draw.algorithm,
    recordUrl: publicDrawRecordUrl(id),
    key: uscc,
    salt,
    pseudonym: pseudonymFromSalt(salt, 'entity', uscc),
  });
}
