import type { SpotCheckModule } from '../../core/module';
import { EntityRecordResolver } from './entity-record.resolver';
import { registerEntityRecordRoutes } from './entity-record.routes';
import { InspectionStatement } from './statement.entity';
import { EntityStatementResolver, InspectionStatementsResolver } from './statement.resolver';

export const statementsModule: SpotCheckModule = {
  name: 'statements',
  entities: [InspectionStatement],
  resolvers: [InspectionStatementsResolver, EntityStatementResolver, EntityRecordResolver],
  routes: registerEntityRecordRoutes,
};
