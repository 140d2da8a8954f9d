import type { SpotCheckModule } from '../../core/module';
import { DashboardResolver } from './dashboard.resolver';
import { registerRegionMapRoutes } from './region-maps.routes';

export const dashboardsModule: SpotCheckModule = {
  name: 'dashboards',
  resolvers: [DashboardResolver],
  routes: (web) => registerRegionMapRoutes(web),
};
