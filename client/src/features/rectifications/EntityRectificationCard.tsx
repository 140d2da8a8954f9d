/**
 * On the entity's access-code page: the rectification ordered on its record, and its report of how it
 * rectified (text and files; it may report again, and add files, until the team re-checks).
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Descriptions, Flex, Input, Progress, Tag, Typography, Upload } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useI18n, useMessages } from '../../app/i18n';
import { ACCEPTED_EXTENSIONS, acceptedName, uploadRectificationFile } from '../entity-record/entity-files';
import { EntityFiles } from '../entity-record/EntityFiles';
import { fileProblem } from '../entity-record/entity-problems';
import { entityRecordMessages } from '../entity-record/messages';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { RECTIFICATION_STATUS_COLORS, rectificationMessages } from './messages';
import { ENTITY_RECTIFICATION, REPORT_ENTITY_RECTIFICATION } from './operations';

export function EntityRectificationCard({ accessCode }: { accessCode: string }) {
  const m = useMessages(rectificationMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const { data, refetch } = useQuery(ENTITY_RECTIFICATION, { variables: { accessCode }, fetchPolicy: 'network-only' });
  const [report, { loading }] = useMutation(REPORT_ENTITY_RECTIFICATION);
  const [body, setBody] = useState('');
  const [upload, setUpload] = useState<{ name: string; percent: number } | null>(null);
  const fm = useMessages(entityRecordMessages);
  const { t } = useI18n();
  const r = data?.entityRectification;
  if (!r) return null;
  const mayReport = r.status === 'OPEN' || r.status === 'REPORTED';
  const attach = async (file: File) => {
    if (!acceptedName(file.name)) return void message.error(fm('fileType'));
    setUpload({ name: file.name, percent: 0 });
    try {
      await uploadRectificationFile(accessCode, file, (percent) => setUpload({ name: file.name, percent }));
      void message.success(fm('uploaded', { name: file.name }));
      await refetch();
    } catch (error) {
      void message.error(fileProblem(error, fm, t).message);
    } finally {
      setUpload(null);
    }
  };
  return (
    <Card title={m('entityTitle')} data-testid="entity-rectification">
      <Flex vertical gap={8} style={{ minWidth: 0 }}>
        <Tag color={RECTIFICATION_STATUS_COLORS[r.status]} style={{ alignSelf: 'flex-start' }} data-testid="entity-rectification-status">
          {m(r.status)}
        </Tag>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'basis', label: m('basis'), children: <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{r.basis}</span> },
            { key: 'due', label: m('dueOn'), children: r.dueOn },
            ...(r.reportText
              ? [{ key: 'report', label: m('reportText'), children: <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{r.reportText}</span> }]
              : []),
            ...(r.reportedOn ? [{ key: 'reportedOn', label: m('reportedOn'), children: r.reportedOn }] : []),
            ...(r.closedOn ? [{ key: 'closedOn', label: m('closedOn'), children: r.closedOn }] : []),
          ]}
        />
        {r.files.length > 0 && <EntityFiles files={r.files} accessCode={accessCode} testId="entity-rectification-files" />}
        {mayReport && (
          <>
            <div>
              <Upload
                accept={ACCEPTED_EXTENSIONS.join(',')}
                showUploadList={false}
                multiple={false}
                disabled={!!upload}
                beforeUpload={(file) => {
                  void attach(file);
                  return false;
                }}
                data-testid="entity-rectification-attach"
              >
                <Button icon={<PaperClipOutlined aria-hidden />} disabled={!!upload}>
                  上传整改照片或材料
                </Button>
              </Upload>
            </div>
            {upload && <Progress percent={upload.percent} size="small" aria-label={upload.name} />}
            <Typography.Text type="secondary">{m('entityHint')}</Typography.Text>
            <Input.TextArea
              rows={4}
              maxLength={5000}
              value={body}
              placeholder={m('entityPlaceholder')}
              aria-label={m('entityTitle')}
              onChange={(e) => setBody(e.target.value)}
              data-testid="entity-rectification-body"
            />
            <Button
              type="primary"
              block
              disabled={!body.trim()}
              loading={loading}
              data-testid="entity-rectification-submit"
              onClick={async () => {
                try {
                  await report({ variables: { accessCode, body } });
                  void message.success(m('entitySent'));
                  setBody('');
                  await refetch();
                } catch (error) {
                  notify(error);
                }
              }}
            >
              {m('entityReport')}
            </Button>
          </>
        )}
      </Flex>
    </Card>
  );
}
