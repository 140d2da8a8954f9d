import type { SpotCheckModule } from '../../core/module';
import { Notification } from './notification.entity';
import { NotificationResolver } from './notification.resolver';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationDelivery } from './notification-delivery.entity';
import { NotificationOutboxMessage } from './notification-outbox.entity';
import { deliveryJob } from './notification-delivery';

export const notificationsModule: SpotCheckModule = {
  name: 'notifications',
  entities: [Notification, NotificationPreference, NotificationDelivery, NotificationOutboxMessage],
  resolvers: [NotificationResolver],
  nodeTypes: [Notification],
  jobs: [deliveryJob],
};
