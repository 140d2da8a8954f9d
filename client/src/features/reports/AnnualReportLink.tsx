/** The way from a dashboard to the year's report of the same year. */
import { FileTextOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useMessages } from '../../app/i18n';
import { navigate } from '../../app/navigation';
import { reportMessages } from './messages';

export function AnnualReportLink({ to, year }: { to: string; year: number }) {
  const m = useMessages(reportMessages);
  const href = `${to}?year=${year}`;
  return (
    <Typography.Link
      href={href}
      data-testid="open-annual-report"
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      <FileTextOutlined aria-hidden /> {m('openReport')}
    </Typography.Link>
  );
}
