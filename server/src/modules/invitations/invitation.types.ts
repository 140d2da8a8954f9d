import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: '一次性邀请码：只在此次答复中出现，之后无法再查看' })
export class InvitationCode {
  @Field({ description: '形如 XXXX-XXXX-XXXX-XXXX，大小写、空格和横线不影响' }) code!: string;
  @Field() expiresAt!: Date;
}

@ObjectType({ description: '邀请码兑换结果' })
export class RedeemInvitationPayload {
  @Field({ description: '可用于登录的用户名' }) username!: string;
  @Field() tenantName!: string;
}
