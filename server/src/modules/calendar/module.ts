import type { SpotCheckModule } from '../../core/module';
import { CalendarAdjustment } from './calendar-adjustment.entity';
import { PlatformCalendarEntry } from './calendar-entry.entity';
import { CalendarResolver } from './calendar.resolver';

export const calendarModule: SpotCheckModule = {
  name: 'calendar',
  entities: [PlatformCalendarEntry, CalendarAdjustment],
  resolvers: [CalendarResolver],
};
