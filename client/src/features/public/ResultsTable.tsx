/**
 * Published results (抽查结果) as a table: the entity (its page by USCC), items, task, date, the result
 * category, findings, publication time, the correction links both ways, and the draw that chose it.
 */
import type { HTMLAttributes } from 'react';
import { Space, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { AppLink } from '../../components/BackLink';
import { publicMessages } from './messages';
import type { PublicResultRow } from './operations';
import { PUBLIC_LINKS } from './paths';

interface Props {
  rows: PublicResultRow[];
  loading?: boolean;
  /** Across bureaus (home, entity page): show which bureau published each result. */
  showBureau?: boolean;
  /** On the entity page the original and its correction are rows of the same table: link in the page. */
  inPageAnchors?: boolean;
  highlightId?: string | null;
}

export function ResultCategoryTag({ category }: { category: PublicResultRow['resultCategory'] }) {
  const m = useMessages(publicMessages);
  if (!category) return <>—</>;
  return (
    <Tag
      color={category.problem ? 'volcano' : 'green'}
      data-testid="public-result-category"
      data-code={category.code}
      title={category.problem ? m('problem') : m('noProblem')}
    >
      {category.label}
    </Tag>
  );
}

export function ResultsTable({ rows, loading, showBureau, inPageAnchors, highlightId }: Props) {
  const { lang } = useI18n();
  const m = useMessages(publicMessages);
  const link = (row: PublicResultRow, targetId: string, label: string, testId: string) =>
    inPageAnchors ? (
      <Typography.Link href={`#${encodeURIComponent(targetId)}`} data-testid={testId}>
        {label}
      </Typography.Link>
    ) : (
      <AppLink to={PUBLIC_LINKS.entityResult(row.entityUscc, targetId)} testId={testId}>
        {label}
      </AppLink>
    );

  const columns = [
    ...(showBureau ? [{ key: 'bureau', title: m('bureau'), render: (_: unknown, r: PublicResultRow) => r.bureau.name }] : []),
    {
      key: 'entity',
      title: m('entityName'),
      render: (_: unknown, r: PublicResultRow) => (
        <Space orientation="vertical" size={0}>
          <AppLink to={PUBLIC_LINKS.entity(r.entityUscc)} testId="public-result-entity">
            {r.entityName}
          </AppLink>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="public-result-uscc">
            {r.entityUscc}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'items', title: m('items'), width: 220, render: (_: unknown, r: PublicResultRow) => r.items.map((i) => i.name).join('、') },
    { key: 'task', title: m('task'), width: 220, render: (_: unknown, r: PublicResultRow) => r.task?.title ?? '—' },
    { key: 'inspectedOn', title: m('inspectedOn'), render: (_: unknown, r: PublicResultRow) => r.inspectedOn ?? '—' },
    { key: 'result', title: m('result'), render: (_: unknown, r: PublicResultRow) => <ResultCategoryTag category={r.resultCategory} /> },
    { key: 'findings', title: m('findings'), width: 220, render: (_: unknown, r: PublicResultRow) => r.findings ?? '—' },
    {
      key: 'handling',
      title: m('handling'),
      width: 240,
      render: (_: unknown, r: PublicResultRow) =>
        r.handling ? (
          <Space orientation="vertical" size={2} data-testid="public-result-handling">
            <Typography.Text strong>{r.handling.label}</Typography.Text>
            {r.handling.deadlineWorkdays != null && (
              <Typography.Text type="secondary">{m('deadlineWorkdays', { days: r.handling.deadlineWorkdays })}</Typography.Text>
            )}
            <Typography.Text type="secondary">{r.handling.basis}</Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    { key: 'publishedAt', title: m('publishedAt'), render: (_: unknown, r: PublicResultRow) => formatDateTime(r.publishedAt, lang) },
    {
      key: 'correction',
      title: m('correction'),
      render: (_: unknown, r: PublicResultRow) => (
        <Space orientation="vertical" size={2}>
          {r.correctsId && (
            <>
              <Tag color="blue">{m('corrects')}</Tag>
              {r.correctionReason && <Typography.Text type="secondary">{m('correctionReason', { reason: r.correctionReason })}</Typography.Text>}
              {link(r, r.correctsId, m('seeOriginal'), 'public-result-original')}
            </>
          )}
          {r.correctedById && (
            <>
              <Tag color="orange">{m('correctedBy')}</Tag>
              {link(r, r.correctedById, m('seeCorrection'), 'public-result-correction')}
            </>
          )}
        </Space>
      ),
    },
    {
      key: 'draw',
      title: m('draw'),
      render: (_: unknown, r: PublicResultRow) => (
        <AppLink to={PUBLIC_LINKS.draw(r.draw.id)} testId="public-result-draw">
          {m('drawRecord')}
        </AppLink>
      ),
    },
  ];

  return (
    <Table<PublicResultRow>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: m('noResults') }}
      rowClassName={(r) => (r.id === highlightId ? 'ant-table-row-selected' : '')}
      onRow={(r) =>
        ({
          id: r.id,
          'data-testid': 'public-result-row',
          'data-uscc': r.entityUscc,
          'data-corrected': r.correctedById ? 'true' : 'false',
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
