import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { fromGlobalUuid } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { forbidden } from '../../graphql/errors';
import { Allow } from '../../graphql/permissions';
import { User } from '../users/user.entity';
import { ImportError } from './import-error.entity';
import { ImportJob, ImportKind } from './import-job.entity';
import { IMPORT_PROGRESS_TOPIC, importJobNow, listImportErrors, listImportJobs, loadReadableJob, type ImportProgressNotice } from './import-job.service';

const ImportJobConnection = Connection(ImportJob);
const ImportErrorConnection = Connection(ImportError);

@ArgsType()
class ImportJobArgs extends PageArgs {
  @Field(() => ImportKind, { nullable: true, description: '只看检查对象或执法检查人员的导入' })
  kind?: ImportKind | null;
}

/** Uploads go through POST /api/imports/entities|inspectors; GraphQL follows the jobs they start. */
@Resolver(() => ImportJob)
export class ImportResolver {
  @Allow('read', 'ImportJob')
  @Query(() => ImportJob, { nullable: true, description: '一个导入任务；其他单位的任务返回 NOT_FOUND' })
  importJob(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return loadReadableJob(ctx, id);
  }

  @Allow('read', 'ImportJob')
  @Query(() => ImportJobConnection, { description: '本单位的导入任务，最新在前' })
  importJobs(@Ctx() ctx: RequestContext, @Args() args: ImportJobArgs) {
    return listImportJobs(ctx, args, args.kind);
  }

  @FieldResolver(() => ImportErrorConnection, { description: '逐行的错误与警告，按行号排列（最多保存 10000 条）' })
  errors(@Root() job: ImportJob, @Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return listImportErrors(ctx, job, page);
  }

  @FieldResolver(() => User, { nullable: true, description: '上传人' })
  createdBy(@Root() job: ImportJob, @Ctx() ctx: RequestContext) {
    return job.createdBy ? ctx.loaders.of(User).load(job.createdBy) : null;
  }

  @Allow('read', 'ImportJob')
  @Subscription(() => ImportJob, {
    topics: IMPORT_PROGRESS_TOPIC,
    filter: ({ payload, args, context }: { payload: ImportProgressNotice; args: { id: string }; context: RequestContext }) =>
      payload.tenantId === context.viewer?.tenantId && payload.jobId === fromGlobalUuid(args.id, 'ImportJob'),
    description: '导入任务的进度与结果：处理行数每 20000 行或每秒更新一次，状态变化时也会推送',
  })
  async importJobProgress(@Root() notice: ImportProgressNotice, @Ctx() ctx: RequestContext, @Arg('id', () => ID) _id: string) {
    if (!ctx.viewer) throw forbidden();
    // Read afresh each time (no per-operation loader cache): the row changes while the import runs.
    const job = await importJobNow(ctx, notice.jobId);
    if (!job) throw forbidden();
    return job;
  }
}
