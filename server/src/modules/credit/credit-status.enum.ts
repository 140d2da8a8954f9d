import { registerEnumType } from 'type-graphql';
import type { CreditStatus as SharedCreditStatus } from '@spotcheck/shared';

export enum CreditStatus {
  NORMAL = 'NORMAL',
  WATCH = 'WATCH',
  BLACKLIST = 'BLACKLIST',
}
registerEnumType(CreditStatus, { name: 'CreditStatus', description: '正常 / 重点关注名单 / 严重失信名单（按本单位细则由信用记录得出）' });
// The enum and `shared` name the same statuses.
const _same: Record<SharedCreditStatus, CreditStatus> = CreditStatus;
void _same;
