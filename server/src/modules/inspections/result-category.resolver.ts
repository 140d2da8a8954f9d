import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { labelProblems } from '@spotcheck/shared';
import { requireViewer, type RequestContext } from '../../graphql/context';
import { badInput, forbidden } from '../../graphql/errors';
import { SignedIn } from '../../graphql/permissions';
import { ResultCategory } from './inspection.types';
import { addCategory, setCategoryActive } from './result-categories';

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
    return addCategory(ctx, label.trim(), problem);
  }

  @SignedIn()
  @Mutation(() => ResultCategory, { description: '停用或恢复本单位的检查结果类别（已用于记录的类别不删除）' })
  setResultCategoryActive(@Ctx() ctx: RequestContext, @Arg('code') code: string, @Arg('active') active: boolean) {
    assertOffice(ctx);
    return setCategoryActive(ctx, code, active);
  }
}
