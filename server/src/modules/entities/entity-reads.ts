import { In } from 'typeorm';
import { requireViewer, type RequestContext } from '../../graphql/context';
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
