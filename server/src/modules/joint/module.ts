import type { SpotCheckModule } from '../../core/module';
import { JointParticipation } from './joint-participant.entity';
import { InspectionJointResolver, JointResolver, TaskJointResolver } from './joint.resolver';

export const jointModule: SpotCheckModule = {
  name: 'joint',
  entities: [JointParticipation],
  resolvers: [JointResolver, TaskJointResolver, InspectionJointResolver],
  nodeTypes: [JointParticipation],
};
