/** The two pages of the inspector directory: the people, and the recusals declared for them. */
import { Tabs } from 'antd';
import { useCurrentUser } from '../../app/current-user';
import { useMessages } from '../../app/i18n';
import { LINKS, navigate, PATHS } from '../../app/navigation';
import { canSeeRecusals } from '../../app/permissions';
import { inspectorMessages } from './messages';

export function InspectorTabs({ active }: { active: 'inspectors' | 'recusals' }) {
  const m = useMessages(inspectorMessages);
  const user = useCurrentUser();
  if (!canSeeRecusals(user)) return null;
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => navigate(key === 'recusals' ? LINKS.recusals : PATHS.inspectors)}
      items={[
        { key: 'inspectors', label: <span data-testid="inspectors-tab">{m('tabInspectors')}</span> },
        { key: 'recusals', label: <span data-testid="recusals-tab">{m('tabRecusals')}</span> },
      ]}
    />
  );
}
