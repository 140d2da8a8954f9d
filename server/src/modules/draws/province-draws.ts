import { GraphQLISODateTime, Field, ID, ObjectType } from 'type-graphql';
import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { paginateSql, type ConnectionShape, type PageArgs } from '../../graphql/connection';
import { forbidden, notFound } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { DrawStatus } from './draw.entity';
import { keyMapView, type KeyMapView } from './pseudonyms';
import { publicDrawRecordUrl } from './public-draws';

/** One draw of a bureau below the province, as `province_draws()` lists it. */
@ObjectType({ description: '下级单位的一次摇号（省级查看：记录公开可下载，化名对照仅省级查看人员可取）' })
export class ProvinceDraw {
  @Field(() => ID, { description: '摇号编号（与公开记录相同）' }) id!: string;
  @Field(() => ID) bureauId!: string;
  @Field({ description: '摇号单位' }) bureau!: string;
  @Field({ description: '检查任务' }) taskTitle!: string;
  @Field(() => DrawStatus) status!: DrawStatus;
  @Field({ description: '算法版本' }) algorithm!: string;
  @Field(() => GraphQLISODateTime) committedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) drawnAt!: Date | null;
  @Field({ description: '公开摇号记录的下载地址' }) recordUrl!: string;
}

interface ProvinceDrawRow {
  id: string;
  tenant_id: string;
  bureau_name: string;
  task_title: string;
  status: DrawStatus;
  algorithm: string;
  committed_at: Date;
  drawn_at: Date | null;
}

const MESSAGE = '下级单位的摇号仅供省级查看人员查看';

/** The province's viewers; the SQL functions answer only a provincial department as well. */
function requireProvincialViewer(ctx: RequestContext) {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('PROVINCIAL_VIEWER')) throw forbidden(MESSAGE);
  return viewer;
}

function provinceDraw(row: ProvinceDrawRow): ProvinceDraw {
  const id = toGlobalId('Draw', row.id);
  return Object.assign(new ProvinceDraw(), {
    id,
    bureauId: toGlobalId('Tenant', row.tenant_id),
    bureau: row.bureau_name,
    taskTitle: row.task_title,
    status: row.status,
    algorithm: row.algorithm,
    committedAt: row.committed_at,
    drawnAt: row.drawn_at,
    recordUrl: publicDrawRecordUrl(id),
  });
}

/** The draws of the bureaus below the viewer's province, newest first, optionally of one bureau. */
export function provinceDraws(ctx: RequestContext, bureauId: string | null | undefined, page: PageArgs): Promise<ConnectionShape<ProvinceDraw>> {
  requireProvincialViewer(ctx);
  const bureau = bureauId ? fromGlobalUuid(bureauId, 'Tenant') : null;
  if (bureauId && !bureau) throw notFound('单位');
  return tenantTx(ctx, (m) =>
    paginateSql<ProvinceDrawRow, ProvinceDraw>(
      m,
      `SELECT * FROM province_draws() WHERE ($1::uuid IS NULL OR tenant_id = $1) ORDER BY committed_at DESC, id`,
      [bureau],
      page,
      provinceDraw,
    ),
  );
}

/**
 * One draw's key map for the province (16.3 of docs/draw-spec.md): the province checks the public record
 * against the bureau's full input. Each reading is kept in the province's own audit chain.
 */
export function provinceDrawKeyMap(ctx: RequestContext, drawId: string): Promise<KeyMapView | null> {
  requireProvincialViewer(ctx);
  const id = fromGlobalUuid(drawId, 'Draw');
  if (!id) throw notFound('摇号');
  return tenantTx(ctx, async (m) => {
    const [row] = (await m.query(`SELECT tenant_id, algorithm, pseudonym_secret, key_map_gz FROM province_draw_key_map($1)`, [id])) as {
      tenant_id: string;
      pseudonym_secret: string | null;
      key_map_gz: Buffer | null;
    }[];
    if (!row) throw notFound('摇号');
    await appendAudit(m, actorOf(ctx), { action: 'draw.keyMap.province', objectType: 'Draw', objectId: id, after: { bureauId: row.tenant_id } });
    return row.pseudonym_secret && row.key_map_gz ? keyMapView(row.pseudonym_secret, row.key_map_gz) : null;
  });
}
