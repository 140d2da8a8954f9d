import type { SpotCheckModule } from '../../core/module';
import { DrawSelection } from './draw-selection.entity';
import { Draw } from './draw.entity';
import { DrawResolver, TaskDrawResolver } from './draw.resolver';
import { ProvinceDrawResolver } from './province-draw.resolver';
import { PublicDrawResolver } from './public-draw.resolver';
import { registerPublicDrawRoutes } from './public-draws.routes';

export const drawsModule: SpotCheckModule = {
  name: 'draws',
  entities: [Draw, DrawSelection],
  resolvers: [DrawResolver, TaskDrawResolver, ProvinceDrawResolver, PublicDrawResolver],
  nodeTypes: [Draw],
  routes: registerPublicDrawRoutes,
};
