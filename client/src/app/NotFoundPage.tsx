/** An address that no page answers (or none this user may open): said plainly, with a way back. */
import { Button, Result } from 'antd';
import { useI18n } from './i18n';
import { navigate } from './navigation';

export function NotFoundPage({ path, landing }: { path: string; landing: string }) {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('noSuchPage')}</h1>}
      subTitle={t('noSuchPageHint', { path })}
      extra={
        <Button type="primary" onClick={() => navigate(landing)} data-testid="not-found-home">
          {t('backToLanding')}
        </Button>
      }
      data-testid="not-found-page"
    />
  );
}
