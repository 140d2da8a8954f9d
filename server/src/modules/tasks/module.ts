import type { SpotCheckModule } from '../../core/module';
import { TaskItem } from './task-item.entity';
import { Task } from './task.entity';
import { TaskResolver } from './task.resolver';

export const tasksModule: SpotCheckModule = {
  name: 'tasks',
  entities: [Task, TaskItem],
  resolvers: [TaskResolver],
  nodeTypes: [Task],
};
