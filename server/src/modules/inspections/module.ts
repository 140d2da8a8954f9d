import type { SpotCheckModule } from '../../core/module';
import { InspectionConfirmation } from './inspection-confirmation.entity';
import { inspectionDeadlines } from './inspection-deadline-source';
import { InspectionStep } from './inspection-step.entity';
import { Inspection } from './inspection.entity';
import { InspectionResolver } from './inspection.resolver';
import { CustomResultCategory } from './result-category.entity';
import { ResultCategoryResolver } from './result-category.resolver';
import { TaskDeadlineResolver } from './task-deadline.resolver';
import { unreportedSelections } from './unreported-selections';

export const inspectionsModule: SpotCheckModule = {
  name: 'inspections',
  entities: [Inspection, InspectionConfirmation, InspectionStep, CustomResultCategory],
  resolvers: [InspectionResolver, TaskDeadlineResolver, ResultCategoryResolver],
  nodeTypes: [Inspection],
  deadlineSources: [inspectionDeadlines, unreportedSelections],
};
