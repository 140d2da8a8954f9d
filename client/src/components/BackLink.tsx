/** ← 返回 to a list, as a real link (opens in a new tab too) that navigates in place. */
import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useI18n } from '../app/i18n';
import { navigate } from '../app/navigation';

export function BackLink({ to, label, testId = 'back-link' }: { to: string; label?: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Typography.Link
      href={to}
      data-testid={testId}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      <ArrowLeftOutlined aria-hidden /> {label ?? t('back')}
    </Typography.Link>
  );
}

/** A link inside the app (a table cell, a title): navigates in place, opens normally with a modifier key. */
export function AppLink({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  return (
    <Typography.Link
      href={to}
      data-testid={testId}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </Typography.Link>
  );
}
