import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Public } from '../../graphql/permissions';
import { scopeOfAccessCode, type CodeScope } from './access-code-lookup';
import { limitEntityWrites } from './entity-limits';
import { readEntityRecord, saveStatementDraft, submitStatement } from './entity-record.service';
import { StatementKind } from './statement.entity';
import { EntityRecordView, EntityStatement } from './statement.types';

/** The entity's side, without an account: everything takes the access code from its inspection. */
@Resolver()
export class EntityRecordResolver {
  @Public()
  @Query(() => EntityRecordView, { description: '检查对象凭查阅码查看本单位的检查记录（无需账号；错误次数过多将暂时锁定）' })
  async entityRecord(@Ctx() ctx: RequestContext, @Arg('accessCode') accessCode: string) {
    return readEntityRecord(ctx.app, await scopeOfAccessCode(ctx.app, ctx.ip, accessCode));
  }

  @Public()
  @Mutation(() => EntityStatement, {
    description: '检查对象保存陈述申辩草稿，用于上传附件：POST /api/entity-records/statements/{id}/attachments（请求头 X-Access-Code）',
  })
  async saveEntityStatementDraft(
    @Ctx() ctx: RequestContext,
    @Arg('accessCode') accessCode: string,
    @Arg('kind', () => StatementKind) kind: StatementKind,
    @Arg('body', { defaultValue: '' }) body: string,
  ) {
    return saveStatementDraft(ctx.app, await writingScope(ctx, accessCode), kind, body);
  }

  @Public()
  @Mutation(() => EntityStatement, { description: '检查对象提交陈述申辩（连同草稿上的附件，提交后封存）；逾期或公示后提交同样受理' })
  async submitEntityStatement(
    @Ctx() ctx: RequestContext,
    @Arg('accessCode') accessCode: string,
    @Arg('kind', () => StatementKind) kind: StatementKind,
    @Arg('body') body: string,
  ) {
    return submitStatement(ctx.app, await writingScope(ctx, accessCode), kind, body, ctx.requestId);
  }
}

/** The code's scope for a write, counted against the entity's rate limits. */
async function writingScope(ctx: RequestContext, accessCode: string): Promise<CodeScope> {
  const scope = await scopeOfAccessCode(ctx.app, ctx.ip, accessCode);
  await limitEntityWrites(ctx.app, scope, ctx.ip);
  return scope;
}
