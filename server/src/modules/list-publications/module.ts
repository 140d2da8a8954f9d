import type { SpotCheckModule } from '../../core/module';
import { ListPublication } from './list-publication.entity';
import { ListPublicationResolver } from './list-publication.resolver';

export const listPublicationsModule: SpotCheckModule = {
  name: 'list-publications',
  entities: [ListPublication],
  resolvers: [ListPublicationResolver],
};
