/**
 * 工作台, the first page after sign-in for a bureau's staff: records waiting for the viewer, deadlines
 * coming and missed, tasks, entity statements to answer and unread notifications. Those who oversee
 * the bureau (office, leader, supervisor, department heads) see the bureau's deadlines and statements;
 * an inspector sees those of the teams they are in.
 */
import { useState } from 'react';
import { Card, Col, Row, Select, Typography } from 'antd';
import { useCurrentUser } from '../../app/current-user';
import { useMessages } from '../../app/i18n';
import { canOverseeStatements, canPlanTasks } from '../../app/permissions';
import { CreditApprovalsCard } from '../credit/CreditApprovalsCard';
import { workbenchMessages } from './messages';
import { NotificationsCard } from './NotificationsCard';
import { RecordsCard } from './RecordsCard';
import { StatementsCard } from './StatementsCard';
import { TasksCard } from './TasksCard';
import { VisitsCard } from '../visits/VisitsCard';

const DUE_CHOICES = [3, 5, 10] as const;

export function WorkbenchPage() {
  const m = useMessages(workbenchMessages);
  const user = useCurrentUser();
  const [dueDays, setDueDays] = useState<number>(3);
  const overseer = canOverseeStatements(user);
  const inspector = user.me.roles.includes('INSPECTOR');
  const scope = overseer ? {} : { mine: true };
  const scopeLabel = overseer ? m('scopeBureau') : m('scopeMine');
  const planner = canPlanTasks(user) || user.me.roles.some((r) => r === 'LEADER' || r === 'SUPERVISOR');

  return (
    <div style={{ width: '100%' }} data-testid="workbench-page">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {m('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{m('intro', { name: user.me.displayName })}</Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        {inspector && (
          <Col xs={24} xxl={12}>
            <VisitsCard />
          </Col>
        )}
        <Col xs={24} xxl={12}>
          <RecordsCard
            title={inspector ? `${m('awaiting')} · ${m('awaitingRecords')}` : m('awaiting')}
            testId="workbench-awaiting"
            filter={{ awaitingMe: true }}
            empty={m('awaitingEmpty')}
            exportName={m('exportAwaiting')}
            showActions
          />
        </Col>
        {user.me.roles.includes('LEADER') && (
          <Col xs={24} xxl={12}>
            <CreditApprovalsCard />
          </Col>
        )}
        <Col xs={24} xxl={12}>
          <StatementsCard mine={!overseer} />
        </Col>
        <Col xs={24} xxl={12}>
          <RecordsCard
            title={`${m('dueSoon')} · ${scopeLabel}`}
            testId="workbench-due"
            filter={{ ...scope, dueWithinDays: dueDays }}
            empty={m('dueSoonEmpty', { days: dueDays })}
            exportName={m('exportDue')}
            tone="warning"
            extra={
              <Select<number>
                size="small"
                aria-label={m('dueDays')}
                data-testid="workbench-due-days"
                value={dueDays}
                onChange={setDueDays}
                style={{ width: 140 }}
                options={DUE_CHOICES.map((days) => ({ value: days, label: m('dueDaysOption', { days }) }))}
              />
            }
          />
        </Col>
        <Col xs={24} xxl={12}>
          <RecordsCard
            title={`${m('overdue')} · ${scopeLabel}`}
            testId="workbench-overdue"
            filter={{ ...scope, overdue: true }}
            empty={m('overdueEmpty')}
            exportName={m('exportOverdue')}
            tone="danger"
          />
        </Col>
        {inspector && (
          <Col xs={24} xxl={12}>
            <TasksCard scope="mine" />
          </Col>
        )}
        {planner && (
          <Col xs={24} xxl={12}>
            <TasksCard scope="inProgress" />
          </Col>
        )}
        <Col xs={24} xxl={12}>
          <NotificationsCard />
        </Col>
      </Row>
    </div>
  );
}
