/**
 * 共 N 条 · 第 p / P 页, with 上一页 / 下一页, under a table fed by a first/after connection. A list too
 * large to count on every page passes no total and `onCount`: 第 p 页 and 统计总数, which asks for it.
 */
import { Button, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useI18n } from '../app/i18n';
import type { CursorPages } from '../app/useCursorPages';

interface Props {
  pages: CursorPages;
  totalCount: number | null | undefined;
  onCount?: () => void;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  loading?: boolean;
  testId: string;
}

export function CursorPager({ pages, totalCount, onCount, pageInfo, loading, testId }: Props) {
  const { t } = useI18n();
  const counted = totalCount != null;
  const pageCount = counted ? Math.max(1, Math.ceil(totalCount / pages.first)) : null;
  return (
    <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 12 }} data-testid={testId}>
      <Typography.Text type="secondary" data-testid={`${testId}-summary`}>
        {counted ? t('pageSummary', { total: totalCount, page: pages.page, pages: pageCount! }) : t('pageOnly', { page: pages.page })}
      </Typography.Text>
      {!counted && onCount && (
        <Button size="small" type="link" disabled={loading} onClick={onCount} data-testid={`${testId}-count`}>
          {t('countTotal')}
        </Button>
      )}
      <Button size="small" icon={<LeftOutlined aria-hidden />} disabled={pages.page <= 1 || loading} onClick={pages.prev} data-testid={`${testId}-prev`}>
        {t('prevPage')}
      </Button>
      <Button size="small" disabled={!pageInfo?.hasNextPage || loading} onClick={() => pages.next(pageInfo?.endCursor)} data-testid={`${testId}-next`}>
        {t('nextPage')}
        <RightOutlined aria-hidden />
      </Button>
    </Space>
  );
}
