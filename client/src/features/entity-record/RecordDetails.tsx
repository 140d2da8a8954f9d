/** The record as the entity reads it: the current version in full, and any earlier (corrected) versions. */
import { Collapse, Descriptions, Tag, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { INSPECTION_STATUS_COLORS, workbenchMessages, type InspectionStatusKey } from '../workbench/messages';
import { entityRecordMessages } from './messages';
import type { EntityRecord, EntityRecordVersion } from './operations';

function useVersionItems() {
  const { lang } = useI18n();
  const m = useMessages(entityRecordMessages);
  const wm = useMessages(workbenchMessages);
  const text = (value: string | null | undefined) => (value?.trim() ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : m('none'));
  return (v: EntityRecordVersion) => [
    {
      key: 'status',
      label: m('status'),
      children: (
        <Tag color={INSPECTION_STATUS_COLORS[v.status]} data-testid="entity-record-status">
          {lang === 'zh' ? v.statusLabel : wm(`status_${v.status}` as InspectionStatusKey)}
        </Tag>
      ),
    },
    { key: 'inspectedOn', label: m('inspectedOn'), children: v.inspectedOn ?? m('none') },
    { key: 'place', label: m('place'), children: text(v.place) },
    { key: 'result', label: m('result'), children: v.result ? <span data-testid="entity-record-result">{v.result.label}</span> : m('none') },
    { key: 'siteConditions', label: m('siteConditions'), span: 2, children: text(v.siteConditions) },
    { key: 'findings', label: m('findings'), span: 2, children: text(v.findings) },
    { key: 'interviewNotes', label: m('interviewNotes'), span: 2, children: text(v.interviewNotes) },
    { key: 'reportDueOn', label: m('reportDueOn'), children: v.reportDueOn ?? m('none') },
    { key: 'submittedAt', label: m('submittedAt'), children: formatDateTime(v.submittedAt, lang) },
    { key: 'approvedAt', label: m('approvedAt'), children: formatDateTime(v.approvedAt, lang) },
    { key: 'publishedAt', label: m('publishedAt'), children: formatDateTime(v.publishedAt, lang) },
    ...(v.correctionReason ? [{ key: 'correctionReason', label: m('correctionReason'), span: 2, children: text(v.correctionReason) }] : []),
  ];
}

export function RecordDetails({ record }: { record: EntityRecord }) {
  const { lang } = useI18n();
  const m = useMessages(entityRecordMessages);
  const wm = useMessages(workbenchMessages);
  const versionItems = useVersionItems();
  const head = [
    { key: 'bureau', label: m('bureau'), children: record.bureau },
    { key: 'entity', label: m('entity'), children: <span data-testid="entity-record-entity">{record.entityName}</span> },
    { key: 'uscc', label: m('uscc'), children: record.entityUscc },
    { key: 'items', label: m('items'), children: record.items.join('、') || m('none') },
    { key: 'team', label: m('team'), span: 2, children: record.team.join('、') || m('none') },
  ];
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[...head, ...versionItems(record)]} data-testid="entity-record-details" />
      {record.history.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {m('history')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{m('historyIntro')}</Typography.Paragraph>
          <Collapse
            data-testid="entity-record-history"
            items={record.history.map((v, i) => ({
              key: String(i),
              label: m('version', {
                status: lang === 'zh' ? v.statusLabel : wm(`status_${v.status}` as InspectionStatusKey),
                date: formatDateTime(v.createdAt, lang),
              }),
              children: <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={versionItems(v)} />,
            }))}
          />
        </>
      )}
    </>
  );
}
