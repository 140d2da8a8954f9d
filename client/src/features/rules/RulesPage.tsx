/**
 * 抽查细则: the rules in force section by section, every approved version with who proposed and who
 * approved it, and the proposals. The office edits (the shared RuleSetSchema checks as you type) and
 * submits a proposal with its reason; a leader approves it — it is in force from then — or returns it
 * with a comment (领导小组审定). The province's bounds above the bureau are shown with the rules.
 */
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { RuleSet } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages, type Lang } from '../../app/i18n';
import { canProposeRules, canReviewRules } from '../../app/permissions';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { ruleMessages } from './messages';
import { OwnOutcomesCard } from './OwnOutcomesCard';
import { RATIO_PLACEHOLDER, percentToFraction } from '../../app/ratio';
import { PROPOSE_RULE_SET, REVIEW_RULE_PROPOSAL, RULE_SET_PAGE, type RuleProposalRow, type RuleVersion } from './operations';
import { ALL_FIELDS, editableRules, fieldLabel, pathKey, RULE_SECTIONS, ruleDiff, ruleIssues, valueAt, type RuleField } from './rule-fields';

type Categories = Map<string, string>;

function show(field: RuleField | undefined, value: unknown, categories: Categories, yes: string, no: string, none: string): string {
  if (value === undefined || value === null) return none;
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) return value.length ? value.map((c) => categories.get(String(c)) ?? String(c)).join('、') : none;
  if (field?.kind === 'choice') return field.options?.find((o) => o.value === value)?.zh ?? String(value);
  if (field?.kind === 'ratio') return `${Number((Number(value) * 100).toFixed(2))}%（${String(value)}）`;
  return String(value);
}

function RulesView({ rules, categories, lang }: { rules: RuleSet; categories: Categories; lang: Lang }) {
  const m = useMessages(ruleMessages);
  return (
    <Flex vertical gap={8} data-testid="rules-view">
      {RULE_SECTIONS.map((section) => (
        <Descriptions
          key={section.key}
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          title={section[lang]}
          items={section.fields.map((f) => ({
            key: pathKey(f.path),
            label: f[lang],
            children: <span data-testid={`rule-value-${pathKey(f.path)}`}>{show(f, valueAt(rules, f.path), categories, m('yes'), m('no'), m('none'))}</span>,
          }))}
        />
      ))}
    </Flex>
  );
}

function RulesEditor({ current, categories, onDone }: { current: RuleSet; categories: Categories; onDone: () => void }) {
  const { t, lang } = useI18n();
  const m = useMessages(ruleMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rules: RuleSet; reason: string }>();
  const { problem, report, clear } = useFormProblem(form, ['reason']);
  const [save, { loading }] = useMutation(PROPOSE_RULE_SET);
  const [issues, setIssues] = useState(() => ruleIssues(current, lang));
  const sectionIssues = [...issues].filter(([key]) => !RULE_SECTIONS.some((s) => s.fields.some((f) => pathKey(f.path) === key)));

  const submit = async (values: { rules: RuleSet; reason: string }) => {
    clear();
    const rules = form.getFieldValue('rules') as RuleSet;
    if (ruleIssues(rules, lang).size) return;
    try {
      await save({ variables: { rules, reason: values.reason.trim() }, refetchQueries: ['RuleSetPage'], awaitRefetchQueries: true });
      void message.success(m('proposed'));
      onDone();
    } catch (error) {
      report(error);
    }
  };

  const input = (f: RuleField) => {
    const testId = `rule-input-${pathKey(f.path)}`;
    switch (f.kind) {
      case 'bool':
        return <Switch data-testid={testId} />;
      case 'ratio':
        return <Input placeholder={RATIO_PLACEHOLDER} data-testid={testId} />;
      case 'choice':
        return <Select options={(f.options ?? []).map((o) => ({ value: o.value, label: o[lang] }))} aria-label={f[lang]} data-testid={testId} />;
      case 'categories':
        return <Select mode="multiple" options={[...categories].map(([value, label]) => ({ value, label }))} aria-label={f[lang]} data-testid={testId} />;
      default:
        return (
          <InputNumber min={f.min} max={f.max} step={f.step ?? 1} precision={f.kind === 'int' ? 0 : undefined} style={{ width: '100%' }} data-testid={testId} />
        );
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ rules: current, reason: '' }}
      onValuesChange={() => setIssues(ruleIssues(form.getFieldValue('rules'), lang))}
      onFinish={submit}
      data-testid="rules-editor"
    >
      <ProblemAlert problem={problem} testId="rules-save-error" />
      {RULE_SECTIONS.map((section) => (
        <Card key={section.key} size="small" title={section[lang]} style={{ marginBottom: 12 }}>
          <Row gutter={16}>
            {section.fields.map((f) => {
              const found = issues.get(pathKey(f.path));
              return (
                <Col key={pathKey(f.path)} xs={24} md={f.kind === 'categories' ? 24 : 12}>
                  <Form.Item
                    label={f[lang]}
                    name={['rules', ...f.path]}
                    valuePropName={f.kind === 'bool' ? 'checked' : 'value'}
                    normalize={f.kind === 'ratio' ? percentToFraction : undefined}
                    validateStatus={found ? 'error' : undefined}
                    help={found ? <span data-testid={`rule-error-${pathKey(f.path)}`}>{found.join('；')}</span> : undefined}
                  >
                    {input(f)}
                  </Form.Item>
                </Col>
              );
            })}
          </Row>
        </Card>
      ))}
      {sectionIssues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={m('problems')}
          data-testid="rules-section-errors"
          description={
            <Flex vertical>
              {sectionIssues.map(([key, list]) => (
                <span key={key}>
                  {fieldLabel(key, lang)}：{list.join('；')}
                </span>
              ))}
            </Flex>
          }
        />
      )}
      {issues.size === 0 && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={m('valid')} data-testid="rules-valid" />}
      <Form.Item label={m('reason')} name="reason" extra={m('reasonHint')} rules={[{ required: true, whitespace: true, message: m('reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} data-testid="rules-reason" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={loading} disabled={issues.size > 0} data-testid="rules-save">
          {m('save')}
        </Button>
        <Button onClick={onDone}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}

const STATUS_COLOR: Record<string, string> = { PENDING: 'gold', APPROVED: 'green', RETURNED: 'red' };

function ChangeList({ older, newer, categories, lang }: { older: unknown; newer: unknown; categories: Categories; lang: Lang }) {
  const m = useMessages(ruleMessages);
  const diff = ruleDiff(older, newer);
  if (!diff.length) return <>{m('noChange')}</>;
  return (
    <Flex vertical>
      {diff.map((d) => (
        <Typography.Text key={d.key}>
          {fieldLabel(d.key, lang)}：{show(fieldOf(d.key), d.from, categories, m('yes'), m('no'), m('none'))} →{' '}
          {show(fieldOf(d.key), d.to, categories, m('yes'), m('no'), m('none'))}
        </Typography.Text>
      ))}
    </Flex>
  );
}

const fieldOf = (key: string) => ALL_FIELDS.find((f) => pathKey(f.path) === key);

/** A proposal waiting for the leader: what it changes, why, and (for a leader who did not propose it) 审定 or 退回. */
function PendingProposal({
  proposal,
  current,
  categories,
  canReview,
}: {
  proposal: RuleProposalRow;
  current: unknown;
  categories: Categories;
  canReview: boolean;
}) {
  const { lang } = useI18n();
  const m = useMessages(ruleMessages);
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const [review, { loading }] = useMutation(REVIEW_RULE_PROPOSAL);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const decide = async (decision: 'APPROVE' | 'RETURN') => {
    try {
      const { data } = await review({
        variables: { id: proposal.id, decision, comment: comment.trim() || null },
        refetchQueries: ['RuleSetPage'],
        awaitRefetchQueries: true,
      });
      void message.success(decision === 'APPROVE' ? m('approved', { version: data?.reviewRuleProposal.approvedVersion ?? '' }) : m('returned'));
      setReturning(false);
    } catch (error) {
      notify(error);
    }
  };
  return (
    <Card
      size="small"
      type="inner"
      title={m('pendingTitle', { who: proposal.proposedBy ?? '—', at: formatDateTime(proposal.proposedAt, lang) })}
      data-testid="rules-pending"
    >
      <Typography.Paragraph>{m('reasonOf', { reason: proposal.reason })}</Typography.Paragraph>
      <div data-testid="rules-pending-changes">
        <ChangeList older={current} newer={proposal.rules} categories={categories} lang={lang} />
      </div>
      {canReview ? (
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" loading={loading} onClick={() => void decide('APPROVE')} data-testid="rules-approve">
            {m('approve')}
          </Button>
          <Button danger onClick={() => setReturning(true)} data-testid="rules-return">
            {m('return')}
          </Button>
        </Space>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {m('waiting')}
        </Typography.Paragraph>
      )}
      <Modal
        open={returning}
        title={m('return')}
        okText={m('return')}
        okButtonProps={{ danger: true, disabled: !comment.trim(), loading, 'data-testid': 'rules-return-submit' } as ButtonProps}
        onOk={() => void decide('RETURN')}
        onCancel={() => setReturning(false)}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={m('returnHint')}
          data-testid="rules-return-comment"
        />
      </Modal>
    </Card>
  );
}

function BoundsAbove({ above }: { above: { province: string; bounds: unknown }[] }) {
  const m = useMessages(ruleMessages);
  if (!above.length) return null;
  const pct = (r: string) => `${Number((Number(r) * 100).toFixed(2))}%`;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="rules-bounds-above"
      title={m('boundsAbove')}
      description={above.map((a) => {
        const b = a.bounds as { ratio: { floor: string; ceiling: string }; roundsPerYear: { min: number; max: number }; maxDrawsPerEntityPerYear: number };
        return (
          <div key={a.province}>
            {m('boundsLine', {
              province: a.province,
              floor: pct(b.ratio.floor),
              ceiling: pct(b.ratio.ceiling),
              min: b.roundsPerYear.min,
              max: b.roundsPerYear.max,
              draws: b.maxDrawsPerEntityPerYear,
            })}
          </div>
        );
      })}
    />
  );
}

export function RulesPage() {
  const { lang } = useI18n();
  const m = useMessages(ruleMessages);
  const user = useCurrentUser();
  const { data, error } = useQuery(RULE_SET_PAGE, { fetchPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState(false);
  const [viewing, setViewing] = useState<RuleVersion | null>(null);
  const categories = useMemo<Categories>(() => new Map((data?.resultCategories ?? []).map((c) => [c.code, c.label])), [data]);
  if (!data) return <QueryState error={error} />;
  const current = data.ruleSet;
  const history = data.ruleSetHistory;
  const proposals = data.ruleProposals;
  const pending = proposals.find((p) => p.status === 'PENDING') ?? null;
  const rules = current ? editableRules(current.rules) : null;
  const canPropose = canProposeRules(user);

  const historyColumns = [
    { key: 'version', title: m('version'), width: 80, render: (_: unknown, v: RuleVersion) => <Tag>v{v.version}</Tag> },
    { key: 'approved', title: m('approvedAt'), render: (_: unknown, v: RuleVersion) => formatDateTime(v.approvedAt ?? v.createdAt, lang) },
    { key: 'proposedBy', title: m('proposedBy'), render: (_: unknown, v: RuleVersion) => v.proposedBy ?? '—' },
    {
      key: 'approvedBy',
      title: m('approvedBy'),
      render: (_: unknown, v: RuleVersion) => <span data-testid="rules-history-approver">{v.approvedBy ?? '—'}</span>,
    },
    { key: 'reason', title: m('reason'), render: (_: unknown, v: RuleVersion) => v.reason ?? '—' },
    {
      key: 'changes',
      title: m('changes'),
      render: (_: unknown, v: RuleVersion, index: number) => {
        const older = history[index + 1];
        return older ? <ChangeList older={older.rules} newer={v.rules} categories={categories} lang={lang} /> : m('firstVersion');
      },
    },
    {
      key: 'view',
      title: '',
      render: (_: unknown, v: RuleVersion) => (
        <Button size="small" onClick={() => setViewing(v)}>
          {m('view')}
        </Button>
      ),
    },
  ];

  const proposalColumns = [
    { key: 'at', title: m('proposedAt'), render: (_: unknown, p: RuleProposalRow) => formatDateTime(p.proposedAt, lang) },
    { key: 'by', title: m('proposedBy'), render: (_: unknown, p: RuleProposalRow) => p.proposedBy ?? '—' },
    { key: 'reason', title: m('reason'), dataIndex: 'reason' },
    {
      key: 'status',
      title: m('status'),
      render: (_: unknown, p: RuleProposalRow) => (
        <Tag color={STATUS_COLOR[p.status]} data-testid="rules-proposal-status">
          {m(`status_${p.status}` as 'status_PENDING')}
          {p.approvedVersion ? ` · v${p.approvedVersion}` : ''}
        </Tag>
      ),
    },
    { key: 'reviewer', title: m('reviewedBy'), render: (_: unknown, p: RuleProposalRow) => p.reviewedBy ?? '—' },
    { key: 'comment', title: m('reviewComment'), render: (_: unknown, p: RuleProposalRow) => p.reviewComment ?? '—' },
  ];

  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 1100 }}>
      <Card
        title={
          <Space wrap>
            <span>{m('title')}</span>
            {current && (
              <Tag color="blue" data-testid="rules-version">
                {m('currentVersion', { version: current.version, at: formatDateTime(current.approvedAt ?? current.createdAt, lang) })}
              </Tag>
            )}
          </Space>
        }
        data-testid="rules-card"
        extra={
          canPropose &&
          !editing &&
          !pending &&
          rules && (
            <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="rules-edit">
              {m('edit')}
            </Button>
          )
        }
      >
        <Flex vertical gap={12}>
          <BoundsAbove above={data.ruleBoundsAbove} />
          {pending && (
            <PendingProposal proposal={pending} current={current?.rules} categories={categories} canReview={canReviewRules(user) && !pending.proposedByMe} />
          )}
          {!rules ? (
            <Alert type="warning" title={m('noRules')} />
          ) : editing ? (
            <>
              <Typography.Title level={5}>{m('editing')}</Typography.Title>
              <RulesEditor current={rules} categories={categories} onDone={() => setEditing(false)} />
            </>
          ) : (
            <>
              {current?.reason && <Typography.Paragraph type="secondary">{m('reasonOf', { reason: current.reason })}</Typography.Paragraph>}
              <RulesView rules={rules} categories={categories} lang={lang} />
              <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                {m('readOnly')}
              </Typography.Paragraph>
            </>
          )}
        </Flex>
      </Card>
      <Card title={m('proposals')} data-testid="rules-proposals">
        <Table<RuleProposalRow>
          rowKey="id"
          size="small"
          columns={proposalColumns}
          dataSource={proposals}
          pagination={proposals.length > 20 ? { pageSize: 20 } : false}
        />
      </Card>
      <OwnOutcomesCard />
      <Card title={m('history')} data-testid="rules-history">
        <Table<RuleVersion>
          rowKey="version"
          size="small"
          columns={historyColumns}
          dataSource={history}
          pagination={history.length > 20 ? { pageSize: 20 } : false}
        />
      </Card>
      <Drawer
        open={viewing !== null}
        size={720}
        onClose={() => setViewing(null)}
        title={viewing ? m('versionTitle', { version: viewing.version }) : ''}
        destroyOnHidden
      >
        {viewing && <RulesView rules={editableRules(viewing.rules)} categories={categories} lang={lang} />}
      </Drawer>
    </Flex>
  );
}
