/**
 * 化名对照 for the supervisor (纪检), the leader and the office: a spotcheck-draw/2 record names nobody, so
 * they load the draw's key map, check it against the public record in the browser, and read the drawn
 * entities and teams by name next to their pseudonyms.
 */
import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useMessages } from '../../app/i18n';
import { graphql } from '../../gql';
import { checkKeyMap, type KeyMap, type KeyMapCheck } from './key-map-check';
import { drawMessages } from './messages';

const DRAW_KEY_MAP = graphql(`
  query DrawKeyMap($id: ID!) {
    node(id: $id) {
      ... on Draw {
        id
        keyMap
      }
    }
  }
`);

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };

export function KeyMapCard({ drawId }: { drawId: string }) {
  const m = useMessages(drawMessages);
  const client = useApolloClient();
  const [state, setState] = useState<{ loading: boolean; check?: KeyMapCheck; error?: string }>({ loading: false });
  const load = async () => {
    setState({ loading: true });
    try {
      const { data } = await client.query({ query: DRAW_KEY_MAP, variables: { id: drawId }, fetchPolicy: 'network-only' });
      const node = data?.node;
      const map = node && 'keyMap' in node ? (node.keyMap as KeyMap | null) : null;
      if (!map) return setState({ loading: false, error: m('keyMapNone') });
      const record = await (await fetch(`/api/public/draws/${encodeURIComponent(drawId)}`)).json();
      setState({ loading: false, check: checkKeyMap(map, record) });
    } catch (error) {
      setState({ loading: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  const check = state.check;
  return (
    <Card
      title={m('keyMap')}
      data-testid="key-map-card"
      extra={
        <Button icon={<KeyOutlined aria-hidden />} loading={state.loading} onClick={() => void load()} data-testid="key-map-load">
          {m('keyMapLoad')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{m('keyMapIntro')}</Typography.Paragraph>
      {state.error && <Alert type="error" showIcon title={state.error} />}
      {check && (
        <>
          <Alert
            type={check.problems.length ? 'error' : 'success'}
            showIcon
            data-testid="key-map-check"
            data-ok={check.problems.length ? 'false' : 'true'}
            title={check.problems.length ? m('keyMapBad', { count: check.problems.length }) : m('keyMapOk', check.counts)}
            description={check.problems.length ? check.problems.slice(0, 10).join('；') : undefined}
            style={{ marginBottom: 12 }}
          />
          <Table
            rowKey="pseudonym"
            size="small"
            dataSource={check.drawn}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { key: 'pseudonym', title: m('keyMapPseudonym'), render: (_: unknown, r: KeyMapCheck['drawn'][number]) => <span style={mono}>{r.pseudonym}</span> },
              { key: 'key', title: m('keyMapEntity'), dataIndex: 'key' },
              { key: 'team', title: m('keyMapTeam'), render: (_: unknown, r: KeyMapCheck['drawn'][number]) => r.team.join('、') },
            ]}
            onRow={(r) => ({ 'data-testid': 'key-map-row', 'data-uscc': r.key }) as React.HTMLAttributes<HTMLElement>}
          />
        </>
      )}
    </Card>
  );
}
