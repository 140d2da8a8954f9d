import type { SpotCheckModule } from '../../core/module';
import { HandlingResolver } from './handling.resolver';

/** 处理建议 → 处理决定 on the inspection record (stored on the record itself). */
export const handlingModule: SpotCheckModule = {
  name: 'handling',
  entities: [],
  resolvers: [HandlingResolver],
};
