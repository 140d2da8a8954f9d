/**
 * 证据: the team's files (thumbnail and preview for images, name, size, SHA-256, sealed), upload and
 * removal while the record is open to the team, and 校验证据 for the office, the leader and the supervisor.
 */
import type { HTMLAttributes } from 'react';
import { useMutation } from '@apollo/client/react';
import { App, Button, Card, Image, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { canVerifyEvidence } from '../../app/permissions';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { useRowAction } from '../../app/useRowAction';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { downloadWithToken } from '../imports/authed-download';
import { EvidenceThumb } from './EvidenceThumb';
import { EvidenceUploader } from './EvidenceUploader';
import { FieldPhotoButton } from '../offline/FieldPhotoButton';
import { PendingUploads } from '../offline/PendingUploads';
import { PhotoMetadata } from '../offline/PhotoMetadata';
import { offlineMessages } from '../offline/messages';
import { formatBytes, shortHash } from './format';
import { inspectionMessages } from './messages';
import { REMOVE_EVIDENCE, type EvidenceRow, type InspectionDetail } from './operations';
import { VerifyEvidenceButton } from './VerifyEvidenceButton';

interface Props {
  record: InspectionDetail;
  /** The viewer is on the team and the record is a draft or returned. */
  teamMayEdit: boolean;
  refetch: () => Promise<unknown>;
}

export function EvidenceCard({ record, teamMayEdit, refetch }: Props) {
  const { t, lang } = useI18n();
  const m = useMessages(inspectionMessages);
  const o = useMessages(offlineMessages);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const { busyId, run } = useRowAction();
  const [remove] = useMutation(REMOVE_EVIDENCE);
  const files = record.evidence;

  const removeFile = (file: EvidenceRow) =>
    run(file.id, async () => {
      try {
        await remove({ variables: { id: file.id } });
        await refetch();
        void message.success(m('removed'));
      } catch (error) {
        notify(error);
      }
    });

  const download = (file: EvidenceRow) => void downloadWithToken(file.url, file.fileName).catch(notify);

  const columns = [
    { key: 'thumb', title: m('preview'), width: 90, render: (_: unknown, f: EvidenceRow) => <EvidenceThumb file={f} /> },
    {
      key: 'name',
      title: m('fileName'),
      render: (_: unknown, f: EvidenceRow) => (
        <Space direction="vertical" size={0}>
          <Typography.Link onClick={() => download(f)} data-testid="evidence-download">
            <DownloadOutlined aria-hidden /> {f.fileName}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.contentType}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'size', title: m('size'), render: (_: unknown, f: EvidenceRow) => formatBytes(f.size) },
    {
      key: 'sha',
      title: m('sha256'),
      render: (_: unknown, f: EvidenceRow) => (
        <Typography.Text code copyable={{ text: f.sha256 }} title={f.sha256} data-testid="evidence-sha256">
          {shortHash(f.sha256)}
        </Typography.Text>
      ),
    },
    {
      key: 'sealed',
      title: m('sealed'),
      render: (_: unknown, f: EvidenceRow) => (
        <Space size={4} wrap>
          {f.sealed ? (
            <Tag icon={<LockOutlined aria-hidden />} color="blue" data-testid="evidence-sealed">
              {m('sealed')}
            </Tag>
          ) : (
            <Tag>{m('unsealed')}</Tag>
          )}
          {f.byEntity && <Tag color="orange">{m('byEntity')}</Tag>}
        </Space>
      ),
    },
    { key: 'createdAt', title: m('uploadedAt'), render: (_: unknown, f: EvidenceRow) => formatDateTime(f.createdAt, lang) },
    { key: 'field', title: o('takenColumn'), render: (_: unknown, f: EvidenceRow) => <PhotoMetadata file={f} /> },
    {
      key: 'actions',
      title: t('actions'),
      render: (_: unknown, f: EvidenceRow) =>
        teamMayEdit && !f.sealed ? (
          <Popconfirm title={m('removeConfirm')} okText={t('confirm')} cancelText={t('cancel')} onConfirm={() => removeFile(f)}>
            <Button size="small" danger icon={<DeleteOutlined aria-hidden />} loading={busyId === f.id} data-testid="evidence-remove">
              {m('remove')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  const exportSpec = () => ({
    fileName: `${m('evidence')}-${record.entityName}`,
    columns: [
      { title: m('fileName'), value: (f: EvidenceRow) => f.fileName },
      { title: 'Content-Type', value: (f: EvidenceRow) => f.contentType },
      { title: m('size'), value: (f: EvidenceRow) => f.size },
      { title: m('sha256'), value: (f: EvidenceRow) => f.sha256 },
      { title: m('sealed'), value: (f: EvidenceRow) => (f.sealed ? formatDateTime(f.sealedAt, lang) : '') },
      { title: m('uploadedAt'), value: (f: EvidenceRow) => formatDateTime(f.createdAt, lang) },
    ],
    fetchPage: () => Promise.resolve({ rows: files ?? [], totalCount: files?.length ?? 0, hasNextPage: false, endCursor: null }),
  });

  return (
    <Card
      title={m('evidence')}
      data-testid="evidence-card"
      extra={
        files && files.length > 0 ? (
          <Space wrap>
            <ExportCsvButton spec={exportSpec} testId="evidence-export" />
            {canVerifyEvidence(user) && <VerifyEvidenceButton inspectionId={record.id} />}
          </Space>
        ) : null
      }
    >
      {files === null ? (
        <Typography.Text type="secondary">{m('evidenceHidden')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{m('evidenceHint')}</Typography.Paragraph>
          {teamMayEdit && (
            <Space wrap style={{ marginBottom: 8 }}>
              <FieldPhotoButton inspectionId={record.id} label={record.entityName} />
            </Space>
          )}
          {teamMayEdit && <PendingUploads inspectionId={record.id} />}
          {teamMayEdit && <EvidenceUploader inspectionId={record.id} onUploaded={refetch} />}
          <Image.PreviewGroup>
            <Table<EvidenceRow>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={files}
              pagination={files.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: m('noEvidence') }}
              onRow={(f) => ({ 'data-testid': 'evidence-row', 'data-name': f.fileName, 'data-sealed': f.sealed }) as HTMLAttributes<HTMLElement>}
            />
          </Image.PreviewGroup>
        </>
      )}
    </Card>
  );
}
