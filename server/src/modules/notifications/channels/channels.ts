import type { NotificationChannelName } from '../../../config';
import type { AppServices } from '../../../graphql/context';
import type { NotificationChannel } from './channel';
import { OutboxChannel } from './outbox-channel';

const FACTORIES: Record<NotificationChannelName, (services: AppServices) => NotificationChannel> = {
  outbox: (services) => new OutboxChannel(services.db),
};

const built = new WeakMap<AppServices, Map<string, NotificationChannel>>();

/** The channels NOTIFY_CHANNELS turns on, by name. */
export function configuredChannels(services: AppServices): Map<string, NotificationChannel> {
  let channels = built.get(services);
  if (!channels) {
    channels = new Map(services.config.notifyChannels.map((name) => [name, FACTORIES[name](services)]));
    built.set(services, channels);
  }
  return channels;
}
