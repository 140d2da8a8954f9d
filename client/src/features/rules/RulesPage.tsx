/**
 * 抽查细则: the bureau's current rules section by section, every earlier version with what changed and
 * why, and — for the office — an editor that the shared RuleSetSchema checks as you type; saving makes
 * a new version (updateRuleSet) with its reason.
 */
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Flex, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { RuleSet } from '@spotcheck/shared';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages, type Lang } from '../../app/i18n';
import { canEditRules } from '../../app/permissions';
import { useFormProblem } from '../../app/useFormProblem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { ruleMessages } from './messages';
import { RULE_SET_PAGE, UPDATE_RULE_SET, type RuleVersion } from './operations';
import { editableRules, fieldLabel, pathKey, RULE_SECTIONS, ruleDiff, ruleIssues, valueAt, type RuleField } from './rule-fields';

type Categories = Map<string, string>;

function show(field: RuleField | undefined, value: unknown, categories: Categories, yes: string, no: string, none: string): string {
  if (value === undefined || value === null) return none;
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) return value.length ? value.map((c) => categories.get(String(c)) ?? String(c)).join('、') : none;
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

function RulesEditor({ current, nextVersion, categories, onDone }: { current: RuleSet; nextVersion: number; categories: Categories; onDone: () => void }) {
  const { t, lang } = useI18n();
  const m = useMessages(ruleMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rules: RuleSet; reason: string }>();
  const { problem, report, clear } = useFormProblem(form, ['reason']);
  const [save, { loading }] = useMutation(UPDATE_RULE_SET);
  const [issues, setIssues] = useState(() => ruleIssues(current, lang));
  const sectionIssues = [...issues].filter(([key]) => !RULE_SECTIONS.some((s) => s.fields.some((f) => pathKey(f.path) === key)));

  const submit = async (values: { rules: RuleSet; reason: string }) => {
    clear();
    const rules = form.getFieldValue('rules') as RuleSet;
    if (ruleIssues(rules, lang).size) return;
    try {
      const { data } = await save({ variables: { rules, reason: values.reason.trim() }, refetchQueries: ['RuleSetPage'], awaitRefetchQueries: true });
      void message.success(m('saved', { version: data?.updateRuleSet.version ?? nextVersion }));
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
        return <Input placeholder="0.10" data-testid={testId} />;
      case 'categories':
        return <Select mode="multiple" options={[...categories].map(([value, label]) => ({ value, label }))} aria-label={f[lang]} data-testid={testId} />;
      default:
        return <InputNumber min={f.min} max={f.max} step={f.step ?? 1} precision={f.kind === 'int' ? 0 : undefined} style={{ width: '100%' }} data-testid={testId} />;
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
  const rules = current ? editableRules(current.rules) : null;

  const historyColumns = [
    { key: 'version', title: m('version'), width: 80, render: (_: unknown, v: RuleVersion) => <Tag>v{v.version}</Tag> },
    { key: 'created', title: m('createdAt'), render: (_: unknown, v: RuleVersion) => formatDateTime(v.createdAt, lang) },
    { key: 'reason', title: m('reason'), render: (_: unknown, v: RuleVersion) => v.reason ?? '—' },
    {
      key: 'changes',
      title: m('changes'),
      render: (_: unknown, v: RuleVersion, index: number) => {
        const older = history[index + 1];
        if (!older) return m('firstVersion');
        const diff = ruleDiff(older.rules, v.rules);
        if (!diff.length) return m('noChange');
        return (
          <Flex vertical>
            {diff.map((d) => (
              <Typography.Text key={d.key}>
                {fieldLabel(d.key, lang)}：{show(undefined, d.from, categories, m('yes'), m('no'), m('none'))} → {show(undefined, d.to, categories, m('yes'), m('no'), m('none'))}
              </Typography.Text>
            ))}
          </Flex>
        );
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

  return (
    <Flex vertical gap={16} style={{ width: '100%', maxWidth: 1100 }}>
      <Card
        title={
          <Space wrap>
            <span>{m('title')}</span>
            {current && <Tag color="blue" data-testid="rules-version">{m('currentVersion', { version: current.version, at: formatDateTime(current.createdAt, lang) })}</Tag>}
          </Space>
        }
        data-testid="rules-card"
        extra={
          canEditRules(user) &&
          !editing &&
          rules && (
            <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="rules-edit">
              {m('edit')}
            </Button>
          )
        }
      >
        {!rules ? (
          <Alert type="warning" title={m('noRules')} />
        ) : editing ? (
          <>
            <Typography.Title level={5}>{m('editing', { version: (current?.version ?? 0) + 1 })}</Typography.Title>
            <RulesEditor current={rules} nextVersion={(current?.version ?? 0) + 1} categories={categories} onDone={() => setEditing(false)} />
          </>
        ) : (
          <>
            {current?.reason && <Typography.Paragraph type="secondary">{m('reasonOf', { reason: current.reason })}</Typography.Paragraph>}
            <RulesView rules={rules} categories={categories} lang={lang} />
            {!canEditRules(user) && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{m('readOnly')}</Typography.Paragraph>}
          </>
        )}
      </Card>
      <Card title={m('history')} data-testid="rules-history">
        <Table<RuleVersion> rowKey="version" size="small" columns={historyColumns} dataSource={history} pagination={history.length > 20 ? { pageSize: 20 } : false} />
      </Card>
      <Drawer open={viewing !== null} size={720} onClose={() => setViewing(null)} title={viewing ? m('versionTitle', { version: viewing.version }) : ''} destroyOnHidden>
        {viewing && <RulesView rules={editableRules(viewing.rules)} categories={categories} lang={lang} />}
      </Drawer>
    </Flex>
  );
}
