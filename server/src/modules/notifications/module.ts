import type { SpotCheckModule } from '../../core/module';
import { Notification } from './notification.entity';
import { NotificationResolver } from './notification.resolver';

export const notificationsModule: SpotCheckModule = {
  name: 'notifications',
  entities: [Notification],
  resolvers: [NotificationResolver],
  nodeTypes: [Notification],
};
