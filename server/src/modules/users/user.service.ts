import { asSubject } from '@spotcheck/shared';
import { tenantTx, type RequestContext } from '../../graphql/context';
import { paginate, type PageArgs } from '../../graphql/connection';
import { User } from './user.entity';

/** Users of the viewer's tenant that the viewer may read. RLS keeps other tenants out. */
export function listUsers(ctx: RequestContext, page: PageArgs) {
  return tenantTx(ctx, (m) => {
    const query = m.createQueryBuilder(User, 'u').orderBy('u.username', 'ASC');
    if (!ctx.ability.can('read', asSubject('User', { tenantId: ctx.viewer!.tenantId, id: '' }))) {
      query.where('u.id = :self', { self: ctx.viewer!.userId });
    }
    return paginate(query, page);
  });
}

export function canReadUser(ctx: RequestContext, user: User): boolean {
  return ctx.ability.can('read', asSubject('User', user));
}
