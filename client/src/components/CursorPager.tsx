/** 共 N 条 · 第 p / P 页, with 上一页 / 下一页, under a table fed by a first/after connection. */
import { Button, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useI18n } from '../app/i18n';
import type { CursorPages } from '../app/useCursorPages';

interface Props {
  pages: CursorPages;
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  loading?: boolean;
  testId: string;
}

export function CursorPager({ pages, totalCount, pageInfo, loading, testId }: Props) {
  const { t } = useI18n();
  const pageCount = Math.max(1, Math.ceil(totalCount / pages.first));
  return (
    <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 12 }} data-testid={testId}>
      <Typography.Text type="secondary" data-testid={`${testId}-summary`}>
        {t('pageSummary', { total: totalCount, page: pages.page, pages: pageCount })}
      </Typography.Text>
      <Button size="small" icon={<LeftOutlined aria-hidden />} disabled={pages.page <= 1 || loading} onClick={pages.prev} data-testid={`${testId}-prev`}>
        {t('prevPage')}
      </Button>
      <Button
        size="small"
        disabled={!pageInfo?.hasNextPage || loading}
        onClick={() => pages.next(pageInfo?.endCursor)}
        data-testid={`${testId}-next`}
      >
        {t('nextPage')}
        <RightOutlined aria-hidden />
      </Button>
    </Space>
  );
}
