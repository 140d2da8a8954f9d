import type { SpotCheckModule } from '../../core/module';
import { Invitation } from './invitation.entity';

export const invitationsModule: SpotCheckModule = {
  name: 'invitations',
  entities: [Invitation],
};
