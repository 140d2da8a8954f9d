/**
 * The review of a list or directory before it is published (实施细则第七条): the office submits it, a
 * leader (not the one who submitted) approves and so publishes it, or returns it with a reason.
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Space, Typography } from 'antd';
import { useCurrentUser } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { useI18n, useMessages } from '../../app/i18n';
import { useNotifyProblem } from '../../app/useNotifyProblem';
import { ReasonModal } from '../items/ReasonModal';
import { listPublicationMessages } from './messages';
import { APPROVE_LIST_PUBLICATION, LIST_PUBLICATIONS, RETURN_LIST_PUBLICATION, SUBMIT_LIST_PUBLICATION, type ListKind } from './operations';

type Act = 'submit' | 'approve' | 'return';

export function ListPublicationPanel({ kind, refetch = [] }: { kind: ListKind; refetch?: string[] }) {
  const { lang } = useI18n();
  const m = useMessages(listPublicationMessages);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const notify = useNotifyProblem();
  const [acting, setActing] = useState<Act | null>(null);
  const { data } = useQuery(LIST_PUBLICATIONS, { variables: { kind }, fetchPolicy: 'cache-and-network' });
  const refetchQueries = ['ListPublications', ...refetch];
  const [submit, submitting] = useMutation(SUBMIT_LIST_PUBLICATION, { refetchQueries, awaitRefetchQueries: true });
  const [approve, approving] = useMutation(APPROVE_LIST_PUBLICATION, { refetchQueries, awaitRefetchQueries: true });
  const [giveBack, returning] = useMutation(RETURN_LIST_PUBLICATION, { refetchQueries, awaitRefetchQueries: true });
  const rows = data?.listPublications ?? [];
  const open = rows.find((r) => r.status === 'SUBMITTED');
  const last = rows.find((r) => r.status !== 'SUBMITTED');
  const list = m(kind);
  const isOffice = user.me.roles.includes('OFFICE');
  const isLeader = user.me.roles.includes('LEADER');
  const ownSubmission = open?.submittedByName === user.me.username;

  const act = async (note: string) => {
    try {
      if (acting === 'submit') {
        await submit({ variables: { kind, note: note || null } });
        void message.success(m('submitted'));
      } else if (acting === 'approve' && open) {
        await approve({ variables: { id: open.id, note: note || null } });
        void message.success(m('approved'));
      } else if (acting === 'return' && open) {
        await giveBack({ variables: { id: open.id, note } });
        void message.success(m('returned'));
      }
      setActing(null);
    } catch (e) {
      notify(e);
    }
  };

  const submittedItems = (open?.contents as { items?: { name: string }[] } | undefined)?.items;
  const status = open
    ? [
        m('pending', { who: open.submittedByName, at: formatDateTime(open.submittedAt, lang) }),
        submittedItems
          ? m('pendingItems', { names: submittedItems.map((i) => `“${i.name}”`).join('、') })
          : m('pendingCount', { count: String((open.contents as { count?: number }).count ?? '') }),
      ].join('；')
    : last?.status === 'APPROVED'
      ? m('lastApproved', { who: last.decidedByName ?? '', at: formatDateTime(last.decidedAt, lang) })
      : last?.status === 'RETURNED'
        ? m('lastReturned', { who: last.decidedByName ?? '', note: last.decisionNote ?? '' })
        : m('never');

  return (
    <>
      <Alert
        type={open ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid={`list-publication-${kind}`}
        data-status={open ? 'SUBMITTED' : (last?.status ?? 'NONE')}
        message={m('title')}
        description={
          <Space orientation="vertical" size={4}>
            <Typography.Text type="secondary">{m('rule', { list })}</Typography.Text>
            <Typography.Text data-testid="list-publication-status">{status}</Typography.Text>
            <Space wrap>
              {isOffice && !open && (
                <Button size="small" type="primary" onClick={() => setActing('submit')} data-testid="list-publication-submit">
                  {m('submit')}
                </Button>
              )}
              {isLeader && open && !ownSubmission && (
                <>
                  <Button size="small" type="primary" onClick={() => setActing('approve')} data-testid="list-publication-approve">
                    {m('approve')}
                  </Button>
                  <Button size="small" danger onClick={() => setActing('return')} data-testid="list-publication-return">
                    {m('return')}
                  </Button>
                </>
              )}
            </Space>
          </Space>
        }
      />
      <ReasonModal
        open={acting !== null}
        title={acting ? m(acting === 'submit' ? 'submitTitle' : acting === 'approve' ? 'approveTitle' : 'returnTitle', { list }) : ''}
        label={acting === 'return' ? m('returnNote') : m('note')}
        hint={acting === 'approve' ? m('approveNote') : undefined}
        required={acting === 'return'}
        requiredMessage={m('noteRequired')}
        busy={submitting.loading || approving.loading || returning.loading}
        onSubmit={(note) => void act(note)}
        onCancel={() => setActing(null)}
        testId="list-publication-modal"
      />
    </>
  );
}
