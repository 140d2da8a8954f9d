import type { RequestContext } from '../../graphql/context';
import { Region } from './region.entity';

/** The regions one level below `parentCode` (reference data: read without a tenant scope). */
export function regionsUnder(ctx: RequestContext, parentCode: string): Promise<Region[]> {
  return ctx.app.db.getRepository(Region).find({ where: { parentCode }, order: { code: 'ASC' } });
}
