import { MODULES } from '../modules';
import { DeadlineNotice } from '../jobs/deadlines/deadline-notice.entity';

/** Every table the app maps: the modules' entities, and the deadline sweep's own record of notices sent. */
export const ENTITIES = [...MODULES.flatMap((m) => m.entities ?? []), DeadlineNotice];
