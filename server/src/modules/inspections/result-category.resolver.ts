import crypto from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { CUSTOM_RESULT_PREFIX, labelProblems } from '@spotcheck/shared';
import { requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, conflict, forbidden, notFound } from '../../graphql/errors';
import { SignedIn } from '../../graphql/permissions';
import { actorOf, appendAudit } from '../audit/audit.service';
import { CustomResultCategory } from './result-category.entity';
import { ResultCategory } from './inspection.types';
import { resultCategories, resultCategoryOf } from './result-categories';

function assertOffice(ctx: RequestContext): void {
  if (!requireViewer(ctx).roles.includes('OFFICE')) throw forbidden('检查结果类别由领导小组办公室维护');
}

@Resolver()
export class ResultCategoryResolver {
  @SignedIn()
  @Mutation(() => ResultCategory, { description: '增加本单位的检查结果类别' })
  addResultCategory(@Ctx() ctx: RequestContext, @Arg('label') label: string, @Arg('problem', { description: '是否属于发现问题' }) problem: boolean) {
    assertOffice(ctx);
    const problems = labelProblems(label, 'label', 60);
    if (problems.length) throw badInput(problems);
    return tenantTx(ctx, async (m) => {
      if ((await resultCategories(m)).some((c) => c.label === label.trim())) throw conflict(`已有检查结果类别“${label.trim()}”`);
      const id = crypto.randomUUID();
      await m.insert(CustomResultCategory, { tenantId: requireViewer(ctx).tenantId, id, label: label.trim(), problem, active: true });
      await appendAudit(m, actorOf(ctx), { action: 'result-category.add', objectType: 'ResultCategory', objectId: `${CUSTOM_RESULT_PREFIX}${id}`, after: { label: label.trim(), problem } });
      return resultCategoryOf(m, `${CUSTOM_RESULT_PREFIX}${id}`);
    });
  }

  @SignedIn()
  @Mutation(() => ResultCategory, { description: '停用或恢复本单位的检查结果类别（已用于记录的类别不删除）' })
  setResultCategoryActive(@Ctx() ctx: RequestContext, @Arg('code') code: string, @Arg('active') active: boolean) {
    assertOffice(ctx);
    return tenantTx(ctx, async (m) => {
      const found = await resultCategoryOf(m, code);
      if (!found || found.standard) throw notFound('自定义检查结果类别');
      await m.update(CustomResultCategory, { id: code.slice(CUSTOM_RESULT_PREFIX.length) }, { active });
      await appendAudit(m, actorOf(ctx), { action: 'result-category.active', objectType: 'ResultCategory', objectId: code, after: { active } });
      return resultCategoryOf(m, code);
    });
  }
}
