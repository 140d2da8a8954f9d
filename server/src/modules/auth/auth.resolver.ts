import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Public, SignedIn } from '../../graphql/permissions';
import { PageArgs } from '../../graphql/connection';
import { AuditEventConnection } from '../audit/audit.resolver';
import { RedeemInvitationPayload } from '../invitations/invitation.types';
import { redeemInvitation } from '../invitations/invitation.service';
import { changePassword, mySessions, revokeSession, signInHistory } from './account.service';
import { Session } from './session.entity';
import { User } from '../users/user.entity';
import { login, logout, refresh } from './auth.service';

@ObjectType({ description: '登录结果' })
class AuthPayload {
  @Field({ description: '访问令牌（JWT，短期有效）' }) token!: string;
  @Field({ description: '刷新令牌：换取新的访问令牌，每次使用后轮换' }) refreshToken!: string;
  @Field(() => Int, { description: '访问令牌有效秒数' }) expiresIn!: number;
  @Field(() => User) user!: User;
}

@Resolver()
export class AuthResolver {
  @Public()
  @Mutation(() => RedeemInvitationPayload, { description: '凭一次性邀请码设置密码（开户、邀请、重置密码）' })
  redeemInvitation(@Ctx() ctx: RequestContext, @Arg('code') code: string, @Arg('password') password: string) {
    return redeemInvitation(ctx, code, password);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: '修改自己的密码；其他设备上的会话随之结束' })
  changePassword(@Ctx() ctx: RequestContext, @Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string) {
    return changePassword(ctx, currentPassword, newPassword);
  }

  @SignedIn()
  @Query(() => [Session], { description: '我的登录会话（设备）' })
  mySessions(@Ctx() ctx: RequestContext) {
    return mySessions(ctx);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: '结束我的一个会话' })
  revokeSession(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return revokeSession(ctx, id);
  }

  @SignedIn()
  @Query(() => AuditEventConnection, { description: '登录记录：本人的，或（纪检监督）本单位任一用户的' })
  signInHistory(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Arg('userId', () => ID, { nullable: true }) userId?: string | null) {
    return signInHistory(ctx, userId, page);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: '用户名密码登录' })
  login(@Ctx() ctx: RequestContext, @Arg('username') username: string, @Arg('password') password: string) {
    return login(ctx, username, password);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: '用刷新令牌换取新令牌' })
  refreshToken(@Ctx() ctx: RequestContext, @Arg('refreshToken') refreshToken: string) {
    return refresh(ctx, refreshToken);
  }

  @Public()
  @Mutation(() => Boolean, { description: '退出登录，结束刷新令牌所属的会话' })
  logout(@Ctx() ctx: RequestContext, @Arg('refreshToken') refreshToken: string) {
    return logout(ctx, refreshToken);
  }
}

@Resolver(() => Session)
export class SessionResolver {
  @FieldResolver(() => Boolean, { description: '是否为当前请求所用的会话' })
  current(@Root() session: Session, @Ctx() ctx: RequestContext) {
    return session.id === ctx.viewer?.sessionId;
  }
}
