import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Public } from '../../graphql/permissions';
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
