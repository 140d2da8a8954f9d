/**
 * 核验本单位在摇号记录中的位置: a pseudonymous draw record (spotcheck-draw/2) names nobody, so the entity
 * gets, with its access code, the salt of its own line. The browser recomputes its pseudonym from its
 * USCC and the salt, downloads the public record, verifies the whole draw and shows the entity's line.
 */
import { Button, Card, Descriptions, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMessages } from '../../app/i18n';
import { MONO } from '../public/format';
import { useVerifier } from '../public/verify/useVerifier';
import { VerifierPanel } from '../public/verify/VerifierPanel';
import { entityRecordMessages } from './messages';
import type { EntityRecord } from './operations';

export function DrawLineCard({ line }: { line: NonNullable<EntityRecord['drawLine']> }) {
  const m = useMessages(entityRecordMessages);
  const verifier = useVerifier();
  const running = verifier.state.step !== 'idle' && verifier.state.step !== 'done' && verifier.state.step !== 'error';
  const mono = (text: string, testId: string) => (
    <Typography.Text style={MONO} copyable data-testid={testId}>
      {text}
    </Typography.Text>
  );
  return (
    <Card
      title={m('drawLine')}
      data-testid="entity-draw-line"
      extra={
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined aria-hidden />}
          disabled={running}
          onClick={() => verifier.verifyUrl(line.recordUrl, null, { key: line.key, salt: line.salt })}
          data-testid="entity-draw-line-verify"
        >
          {m('drawLineVerify')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{m('drawLineIntro')}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'algorithm', label: m('drawLineAlgorithm'), children: line.algorithm },
          { key: 'uscc', label: m('uscc'), children: mono(line.key, 'entity-draw-line-key') },
          { key: 'salt', label: m('drawLineSalt'), children: mono(line.salt, 'entity-draw-line-salt') },
          { key: 'pseudonym', label: m('drawLinePseudonym'), children: mono(line.pseudonym, 'entity-draw-line-pseudonym') },
          { key: 'record', label: m('drawLineRecord'), children: <Typography.Link href={line.recordUrl}>{line.recordUrl}</Typography.Link> },
        ]}
      />
      <VerifierPanel state={verifier.state} />
    </Card>
  );
}
