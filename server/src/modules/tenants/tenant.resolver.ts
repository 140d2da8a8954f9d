import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { Allow } from '../../graphql/permissions';
import { Region } from '../regions/region.entity';
import { User } from '../users/user.entity';
import { InvitationCode } from '../invitations/invitation.types';
import { onboardTenant, updateTenant, updateTenantSettings, visibleTenants } from './tenant.service';
import { Tenant, TenantKind, TenantStatus } from './tenant.entity';

const TenantConnection = Connection(Tenant);

@InputType({ description: '新单位入驻' })
class OnboardTenantInput {
  @Field() name!: string;
  @Field({ description: 'GB/T 2260 行政区划代码，级别须与单位类型一致' }) regionCode!: string;
  @Field(() => ID, { description: '上级单位' }) parentId!: string;
  @Field(() => TenantKind) kind!: TenantKind;
  @Field({ description: '首位办公室管理员的用户名' }) adminUsername!: string;
  @Field() adminDisplayName!: string;
}

@ObjectType()
class OnboardTenantPayload {
  @Field(() => Tenant) tenant!: Tenant;
  @Field(() => User) admin!: User;
  @Field(() => InvitationCode, { description: '交给管理员设置密码用的一次性邀请码' }) invitation!: InvitationCode;
}

@InputType()
class UpdateTenantInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => TenantStatus, { nullable: true, description: '暂停后本单位无法登录、不再公示，数据保留' }) status?: TenantStatus | null;
}

@InputType({ description: '本单位设置' })
class TenantSettingsInput {
  @Field(() => String, { nullable: true }) displayName?: string | null;
  @Field(() => String, { nullable: true }) contact?: string | null;
  @Field(() => String, { nullable: true }) publicHeader?: string | null;
  @Field(() => String, { nullable: true }) publicFooter?: string | null;
}

@Resolver(() => Tenant)
export class TenantResolver {
  @Allow('read', 'Tenant')
  @Query(() => TenantConnection, { description: '可见的租户：本单位及其下级单位（平台运营方可见全部）' })
  tenants(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return visibleTenants(ctx, page);
  }

  @Allow('create', 'Tenant')
  @Mutation(() => OnboardTenantPayload, { description: '平台运营方为新单位开户' })
  onboardTenant(@Ctx() ctx: RequestContext, @Arg('input') input: OnboardTenantInput) {
    return onboardTenant(ctx, input);
  }

  @Allow('create', 'Tenant')
  @Mutation(() => Tenant, { description: '平台运营方修改单位名称或状态（暂停/恢复）' })
  updateTenant(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input') input: UpdateTenantInput) {
    return updateTenant(ctx, id, input);
  }

  @Allow('update', 'Tenant')
  @Mutation(() => Tenant, { description: '办公室修改本单位设置' })
  updateTenantSettings(@Ctx() ctx: RequestContext, @Arg('input') input: TenantSettingsInput) {
    return updateTenantSettings(ctx, input);
  }

  @FieldResolver(() => Region, { nullable: true, description: '行政区划' })
  region(@Root() tenant: Tenant, @Ctx() ctx: RequestContext) {
    return ctx.loaders.of(Region).load(tenant.regionCode);
  }

  @FieldResolver(() => Tenant, { nullable: true, description: '上级单位（不可见时为 null）' })
  parent(@Root() tenant: Tenant, @Ctx() ctx: RequestContext) {
    return tenant.parentId ? ctx.loaders.of(Tenant).load(tenant.parentId) : null;
  }
}
