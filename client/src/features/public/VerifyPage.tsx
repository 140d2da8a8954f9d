/**
 * 摇号复核 for a record file: choose one (or paste its text) and it is verified on this computer, in a
 * Web Worker, exactly as on a draw's page; nothing is uploaded. When the record names its draw, it is
 * also compared with what the portal published for that draw.
 */
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Flex, Input, Space, Typography, Upload } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import { useMessages } from '../../app/i18n';
import { byteSize } from './format';
import { publicMessages } from './messages';
import { PUBLIC_DRAW } from './operations';
import { useVerifier } from './verify/useVerifier';
import { VerifierPanel } from './verify/VerifierPanel';
import type { Verdict } from './verify/verify-record';

function PublishedComparison({ verdict }: { verdict: Verdict }) {
  const m = useMessages(publicMessages);
  const drawId = verdict.facts?.drawId;
  const skip = !drawId || verdict.status === 'FAILED';
  const { data, error } = useQuery(PUBLIC_DRAW, { variables: { id: drawId ?? '' }, skip });
  if (skip) return null;
  if (error) return <Alert type="warning" showIcon title={m('publishedMissing')} data-testid="verifier-published" data-match="missing" />;
  const draw = data?.publicDraw;
  if (!draw) return null;
  const differs = [
    draw.inputHash !== verdict.facts?.inputHash ? 'inputHash' : null,
    draw.commitment !== verdict.facts?.commitment ? 'commitment' : null,
  ].filter(Boolean);
  return differs.length ? (
    <Alert type="error" showIcon title={m('differsPublished', { field: differs.join('、') })} data-testid="verifier-published" data-match="false" />
  ) : (
    <Alert type="success" showIcon title={m('matchesPublished')} description={draw.taskTitle} data-testid="verifier-published" data-match="true" />
  );
}

export function VerifyPage() {
  const m = useMessages(publicMessages);
  const verifier = useVerifier();
  const [chosen, setChosen] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const state = verifier.state;

  const verifyFile = async (file: File) => {
    setChosen(m('fileChosen', { name: file.name, size: byteSize(file.size) }));
    verifier.verifyBytes(await file.arrayBuffer(), null);
  };

  return (
    <Flex vertical gap={16} data-testid="public-verify-page">
      <Card title={m('uploadTitle')}>
        <Typography.Paragraph type="secondary">{m('uploadIntro')}</Typography.Paragraph>
        <Flex vertical gap={12}>
          <Space wrap>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              maxCount={1}
              beforeUpload={(file) => {
                void verifyFile(file);
                return false;
              }}
            >
              <Button icon={<FileSearchOutlined aria-hidden />} data-testid="verifier-choose-file">
                {m('chooseFile')}
              </Button>
            </Upload>
            {chosen && <Typography.Text data-testid="verifier-file-name">{chosen}</Typography.Text>}
          </Space>
          <Input.TextArea
            rows={5}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            placeholder={m('pastePlaceholder')}
            aria-label={m('pasteLabel')}
            data-testid="verifier-paste"
          />
          <div>
            <Button
              disabled={!pasted.trim()}
              onClick={() => {
                setChosen(null);
                verifier.verifyBytes(new TextEncoder().encode(pasted).buffer as ArrayBuffer, null);
              }}
              data-testid="verifier-verify-pasted"
            >
              {m('verifyPasted')}
            </Button>
          </div>
          <VerifierPanel state={state} showDownload={false} />
          {state.step === 'done' && <PublishedComparison key={state.verdict.facts?.drawId ?? 'none'} verdict={state.verdict} />}
        </Flex>
      </Card>
    </Flex>
  );
}
