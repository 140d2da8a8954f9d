/** 校验证据: the server re-reads and re-hashes every file of the record; each is OK, MISMATCH or MISSING. */
import { useState, type HTMLAttributes } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Modal, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { shortHash } from './format';
import { inspectionMessages } from './messages';
import { VERIFY_EVIDENCE, type EvidenceCheck } from './operations';
import type { VerifyInspectionEvidenceMutation } from '../../gql/graphql';

type Result = VerifyInspectionEvidenceMutation['verifyInspectionEvidence'];
type FileResult = Result['files'][number];
const COLORS: Record<EvidenceCheck, string> = { OK: 'green', MISMATCH: 'red', MISSING: 'red' };

export function VerifyEvidenceButton({ inspectionId }: { inspectionId: string }) {
  const { t, lang } = useI18n();
  const m = useMessages(inspectionMessages);
  const notify = useNotifyProblem();
  const [verify, { loading }] = useMutation(VERIFY_EVIDENCE);
  const [result, setResult] = useState<Result | null>(null);

  const run = async () => {
    try {
      const { data } = await verify({ variables: { inspectionId } });
      if (data) setResult(data.verifyInspectionEvidence);
    } catch (error) {
      notify(error);
    }
  };

  const columns = [
    { key: 'name', title: m('fileName'), render: (_: unknown, r: FileResult) => r.file.fileName },
    {
      key: 'status',
      title: m('status'),
      render: (_: unknown, r: FileResult) => (
        <Tag color={COLORS[r.status]} data-testid="evidence-check-status" data-status={r.status}>
          {m(r.status)}
        </Tag>
      ),
    },
    {
      key: 'sha',
      title: m('sha256'),
      render: (_: unknown, r: FileResult) => (
        <Typography.Text code title={r.file.sha256}>
          {shortHash(r.file.sha256)}
        </Typography.Text>
      ),
    },
    {
      key: 'actual',
      title: m('actualSha256'),
      render: (_: unknown, r: FileResult) =>
        r.actualSha256 && r.actualSha256 !== r.file.sha256 ? (
          <Typography.Text code type="danger">
            {shortHash(r.actualSha256)}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={loading} onClick={() => void run()} data-testid="evidence-verify">
        {m('verify')}
      </Button>
      <Modal
        open={!!result}
        title={m('verifyTitle')}
        onCancel={() => setResult(null)}
        footer={
          <Button onClick={() => setResult(null)} data-testid="evidence-verify-close">
            {t('close')}
          </Button>
        }
        width={760}
        destroyOnHidden
      >
        {result && (
          <div data-testid="evidence-verify-result" data-ok={result.ok}>
            <Alert
              type={result.ok ? 'success' : 'error'}
              showIcon
              style={{ marginBottom: 12 }}
              title={result.ok ? m('verifyOk', { count: result.files.length }) : m('verifyFailed')}
              description={`${m('verifiedAt')}：${formatDateTime(result.checkedAt, lang)}`}
            />
            <Table<FileResult>
              rowKey={(r) => r.file.id}
              size="small"
              columns={columns}
              dataSource={result.files}
              pagination={false}
              onRow={(r) => ({ 'data-testid': 'evidence-check-row', 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
            />
          </div>
        )}
      </Modal>
    </>
  );
}
