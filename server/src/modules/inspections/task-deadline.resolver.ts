import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Task } from '../tasks/task.entity';
import { InspectionStatusCount } from './inspection.types';
import { taskInspectionProgress } from './task-progress';
import { unreportedOverdue } from './unreported-selections';

/** The task's side of "nothing drawn is forgotten", and its records' progress. */
@Resolver(() => Task)
export class TaskDeadlineResolver {
  @FieldResolver(() => Int, { description: '检查时间结束后仍未提交检查报告的摇中对象数（逾期，含从未建立检查记录的）' })
  unreportedOverdue(@Root() task: Task, @Ctx() ctx: RequestContext) {
    return unreportedOverdue(ctx, task);
  }

  @FieldResolver(() => [InspectionStatusCount], { description: '本单位该任务的检查记录按状态计数（每个状态一项）' })
  inspectionProgress(@Root() task: Task, @Ctx() ctx: RequestContext) {
    return taskInspectionProgress(ctx, task);
  }
}
