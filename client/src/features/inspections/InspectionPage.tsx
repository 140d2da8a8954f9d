/**
 * One inspection record (/inspections/:id, also the target of notifications): what was inspected and
 * when it is due, the content (a form for the team while open), the team's confirmations, the workflow
 * steps open to this user, the history, the evidence and the entity's statements.
 */
import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { LINKS, PATHS } from '../../app/navigation';
import { canCorrectInspection, isInTeam } from '../../app/permissions';
import { AppLink, BackLink } from '../../components/BackLink';
import { QueryState } from '../../components/QueryState';
import { CorrectButton } from './CorrectButton';
import { Deadline } from './Deadline';
import { EvidenceCard } from './EvidenceCard';
import { entityRecordLink } from './format';
import { InspectionStatusTag } from './InspectionStatusTag';
import { JointPartsCard } from './JointPartsCard';
import { inspectionMessages } from './messages';
import { INSPECTION, RESULT_CATEGORIES, type InspectionDetail } from './operations';
import { RecordForm } from './RecordForm';
import { StatementsCard } from './StatementsCard';
import { ReferralsCard } from '../referrals/ReferralsCard';
import { RectificationCard } from '../rectifications/RectificationCard';
import { StepsCard } from './StepsCard';
import { HandlingCard } from './HandlingCard';
import { TeamCard } from './TeamCard';
import { WorkflowButtons } from './WorkflowButtons';

export function InspectionPage({ id }: { id: string }) {
  const m = useMessages(inspectionMessages);
  const user = useCurrentUser();
  const [dirty, setDirty] = useState(false);
  const { data, error, refetch } = useQuery(INSPECTION, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const { data: categoryData } = useQuery(RESULT_CATEGORIES);
  const record = data?.node.__typename === 'Inspection' ? data.node : null;
  if (!record) return <QueryState error={error} />;
  const inTeam = isInTeam(user, record.team);
  const open = record.status === 'DRAFT' || record.status === 'RETURNED';

  return (
    <Flex vertical gap={16} style={{ width: '100%' }} data-testid="inspection-page" data-status={record.status}>
      <BackLink to={PATHS.inspections} />
      <Card
        title={
          <Space wrap>
            <span data-testid="record-title">{m('recordOf', { name: record.entityName })}</span>
            <InspectionStatusTag status={record.status} testId="record-status" />
            {record.jointParts.length > 0 && <Tag color="purple">{m('joint')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <WorkflowButtons record={record} dirty={dirty} />
            {canCorrectInspection(user) && record.status === 'PUBLISHED' && !record.correctedBy && <CorrectButton inspectionId={record.id} />}
          </Space>
        }
      >
        <CorrectionNotes record={record} />
        <LastReturn record={record} />
        <Overview record={record} />
      </Card>
      <JointPartsCard record={record} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <RecordForm record={record} categories={categoryData?.resultCategories ?? []} editable={inTeam && open} onDirtyChange={setDirty} />
            <HandlingCard record={record} editable={inTeam && open} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <TeamCard record={record} open={open} dirty={dirty} />
            <StepsCard record={record} />
          </Flex>
        </Col>
      </Row>
      <EvidenceCard record={record} teamMayEdit={inTeam && open} refetch={refetch} />
      <StatementsCard record={record} isTeam={inTeam} />
      <ReferralsCard inspectionId={record.id} status={record.status} />
      <RectificationCard inspectionId={record.id} status={record.status} />
    </Flex>
  );
}

function Overview({ record }: { record: InspectionDetail }) {
  const { t, lang } = useI18n();
  const m = useMessages(inspectionMessages);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        {
          key: 'entity',
          label: m('entity'),
          children: (
            <Space direction="vertical" size={0}>
              {record.entity ? <AppLink to={LINKS.entity(record.entity.id)}>{record.entityName}</AppLink> : <span>{record.entityName}</span>}
              <Typography.Text type="secondary" data-testid="record-uscc">
                {record.entityUscc}
              </Typography.Text>
            </Space>
          ),
        },
        {
          key: 'task',
          label: m('task'),
          children: record.task ? <AppLink to={LINKS.task(record.task.id)}>{record.task.title}</AppLink> : record.participationId ? m('joint') : '—',
        },
        { key: 'items', label: m('items'), children: record.items.map((i) => i.name).join('、') || '—', span: 2 },
        {
          key: 'reportDue',
          label: m('reportDueOn'),
          children: (
            <Deadline
              dueOn={record.reportDueOn}
              provisional={record.reportDueProvisional}
              overdue={record.reportOverdue}
              lateDays={record.reportedLateDays}
              testId="record-report-due"
            />
          ),
        },
        ...(record.reviewDueOn
          ? [
              {
                key: 'reviewDue',
                label: m('reviewDueOn'),
                children: <Deadline dueOn={record.reviewDueOn} provisional={false} overdue={record.reviewOverdue} testId="record-review-due" />,
              },
              {
                key: 'approvalDue',
                label: m('approvalDueOn'),
                children: <Deadline dueOn={record.approvalDueOn} provisional={false} overdue={record.approvalOverdue} testId="record-approval-due" />,
              },
            ]
          : []),
        {
          key: 'publicationDue',
          label: m('publicationDueOn'),
          children: (
            <Deadline
              dueOn={record.publicationDueOn}
              provisional={record.publicationDueProvisional}
              overdue={record.publicationOverdue}
              lateDays={record.publishedLateDays}
              testId="record-publication-due"
            />
          ),
        },
        ...(record.submittedAt ? [{ key: 'submittedAt', label: m('submittedAt'), children: formatDateTime(record.submittedAt, lang) }] : []),
        ...(record.approvedAt ? [{ key: 'approvedAt', label: m('approvedAt'), children: formatDateTime(record.approvedAt, lang) }] : []),
        ...(record.publishedAt ? [{ key: 'publishedAt', label: m('publishedAt'), children: formatDateTime(record.publishedAt, lang) }] : []),
        ...(record.accessCode
          ? [
              {
                key: 'accessCode',
                label: m('accessCode'),
                span: 2,
                children: (
                  <Space direction="vertical" size={0}>
                    <Space wrap>
                      <Typography.Text code copyable={{ text: record.accessCode, tooltips: [t('copy'), t('copied')] }} data-testid="record-access-code">
                        {record.accessCode}
                      </Typography.Text>
                      <Typography.Link href={entityRecordLink(record.accessCode)} target="_blank" rel="noopener" data-testid="record-entity-link">
                        {m('entityPage')} <ExportOutlined aria-hidden />
                      </Typography.Link>
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m('accessCodeHint')}
                    </Typography.Text>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** The links between a correction and the record it corrects. */
function CorrectionNotes({ record }: { record: InspectionDetail }) {
  const m = useMessages(inspectionMessages);
  return (
    <>
      {record.corrects && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="record-corrects"
          title={
            <Space wrap>
              {m('corrects')}
              <AppLink to={LINKS.inspection(record.corrects.id)} testId="record-corrects-link">
                {m('correctionOf')}
              </AppLink>
            </Space>
          }
          description={record.correctionReason ? `${m('correctionReason')}：${record.correctionReason}` : undefined}
        />
      )}
      {record.correctedBy && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="record-corrected-by"
          title={
            <Space wrap>
              {m('correctedBy')}
              <AppLink to={LINKS.inspection(record.correctedBy.id)} testId="record-corrected-by-link">
                {m('correctionRecord')}
              </AppLink>
            </Space>
          }
        />
      )}
    </>
  );
}

/** A returned record shows why, above everything else. */
function LastReturn({ record }: { record: InspectionDetail }) {
  const m = useMessages(inspectionMessages);
  if (record.status !== 'RETURNED') return null;
  const step = [...record.steps].reverse().find((s) => s.action === 'RETURN' || s.action === 'REJECT');
  if (!step?.comment) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="record-return-comment"
      title={`${m(step.action as 'RETURN')} · ${step.userName}`}
      description={<span style={{ whiteSpace: 'pre-wrap' }}>{step.comment}</span>}
    />
  );
}
