import { In } from 'typeorm';
import { readTx, requireViewer, type RequestContext } from '../../graphql/context';
import { INCOMPLETE_ENTITY_SQL } from './market-entity.entity';
import { childrenLoader, perRequest } from '../../graphql/request-loaders';
import { MarketEntityChange } from './market-entity-change.entity';

/** How many of an entity's changes its history shows. */
const HISTORY_SHOWN = 100;

function historyLoader(ctx: RequestContext) {
  return childrenLoader(
    ctx,
    (m, ids) =>
      m.find(MarketEntityChange, { where: { tenantId: requireViewer(ctx).tenantId, entityId: In(ids) }, order: { entityId: 'ASC', version: 'DESC' } }),
    (row) => row.entityId,
  );
}

/** An entity's changes, latest first (the last 100): one statement for all the entities a response asks about. */
export async function entityHistory(ctx: RequestContext, entityId: string): Promise<MarketEntityChange[]> {
  return (await perRequest(ctx, historyLoader).load(entityId)).slice(0, HISTORY_SHOWN);
}

/** How many of the bureau's entries lack the registration authority, the legal representative or the address. */
export function countIncompleteEntities(ctx: RequestContext): Promise<number> {
  const tenantId = requireViewer(ctx).tenantId;
  return readTx(ctx, async (m) => {
    const [row] = (await m.query(`SELECT count(*)::int AS n FROM market_entities e WHERE e.tenant_id = $1 AND ${INCOMPLETE_ENTITY_SQL('e')}`, [tenantId])) as {
      n: number;
    }[];
    return row!.n;
  });
}
