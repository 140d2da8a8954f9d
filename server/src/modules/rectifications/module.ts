import type { SpotCheckModule } from '../../core/module';
import { Rectification } from './rectification.entity';
import { rectificationDeadlines } from './rectification-deadline-source';
import { RectificationResolver } from './rectification.resolver';
import { registerRectificationRoutes } from './rectification.routes';

/** Rectifications (整改) ordered by a 责令整改 handling decision: the entity's report, the re-check, the closing. */
export const rectificationsModule: SpotCheckModule = {
  name: 'rectifications',
  entities: [Rectification],
  resolvers: [RectificationResolver],
  deadlineSources: [rectificationDeadlines],
  routes: registerRectificationRoutes,
};
