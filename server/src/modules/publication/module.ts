import type { SpotCheckModule } from '../../core/module';
import { registerFeedRoutes } from './feed.routes';
import { PublicDirectoryResolver } from './public-directory.resolver';
import { PublicPortalResolver } from './public-portal.resolver';

export const publicationModule: SpotCheckModule = {
  name: 'publication',
  resolvers: [PublicDirectoryResolver, PublicPortalResolver],
  routes: registerFeedRoutes,
};
