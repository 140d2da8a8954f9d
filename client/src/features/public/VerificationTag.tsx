/** The platform's own verdict on a draw record (复核通过 / 待摇号 / 复核不通过), with the reason on hover. */
import { Tag, Tooltip } from 'antd';
import { useMessages } from '../../app/i18n';
import { publicMessages } from './messages';
import type { PublicDrawRow } from './operations';

const COLORS = { VERIFIED: 'green', PENDING: 'gold', FAILED: 'red' } as const;

export function VerificationTag({ verification }: { verification: PublicDrawRow['verification'] }) {
  const m = useMessages(publicMessages);
  const tag = (
    <Tag color={COLORS[verification.status]} data-testid="public-draw-verification" data-status={verification.status}>
      {m(`verification_${verification.status}`)}
    </Tag>
  );
  return verification.reason ? <Tooltip title={`${verification.code ?? ''} ${verification.reason}`}>{tag}</Tooltip> : tag;
}
