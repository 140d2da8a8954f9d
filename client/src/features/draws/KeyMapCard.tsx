/**
 * 化名对照 for the supervisor (纪检), the leader and the office, and for the province (`province`, through
 * its own narrow path): a spotcheck-draw/2 record names nobody, so they load the draw's key map, check it
 * against the public record in the browser, and read the drawn entities and teams by name next to their
 * pseudonyms.
 */
import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Card, Input, Table, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useMessages } from '../../app/i18n';
import { graphql } from '../../gql';
import { checkKeyMap, poolLineOf, type KeyMap, type KeyMapCheck, type PoolLine } from './key-map-check';
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

const PROVINCE_DRAW_KEY_MAP = graphql(`
  query ProvinceDrawKeyMap($id: ID!) {
    provinceDrawKeyMap(drawId: $id)
  }
`);

async function loadKeyMap(client: ReturnType<typeof useApolloClient>, drawId: string, province: boolean): Promise<KeyMap | null> {
  if (province) {
    const { data } = await client.query({ query: PROVINCE_DRAW_KEY_MAP, variables: { id: drawId }, fetchPolicy: 'network-only' });
    return (data?.provinceDrawKeyMap as KeyMap | null | undefined) ?? null;
  }
  const { data } = await client.query({ query: DRAW_KEY_MAP, variables: { id: drawId }, fetchPolicy: 'network-only' });
  const node = data?.node;
  return node && 'keyMap' in node ? (node.keyMap as KeyMap | null) : null;
}

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' };

export function KeyMapCard({ drawId, province = false }: { drawId: string; province?: boolean }) {
  const m = useMessages(drawMessages);
  const client = useApolloClient();
  const [state, setState] = useState<{ loading: boolean; check?: KeyMapCheck; error?: string; lookup?: (uscc: string) => PoolLine | null }>({
    loading: false,
  });
  const [line, setLine] = useState<{ uscc: string; line: PoolLine | null } | null>(null);
  const load = async () => {
    setState({ loading: true });
    try {
      const map = await loadKeyMap(client, drawId, province);
      if (!map) return setState({ loading: false, error: m('keyMapNone') });
      const record = await (await fetch(`/api/public/draws/${encodeURIComponent(drawId)}`)).json();
      setState({ loading: false, check: checkKeyMap(map, record), lookup: (uscc) => poolLineOf(map, record, uscc) });
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
      <Typography.Paragraph type="secondary">{m(province ? 'keyMapIntroProvince' : 'keyMapIntro')}</Typography.Paragraph>
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
            scroll={{ x: 'max-content' }}
            dataSource={check.drawn}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              {
                key: 'pseudonym',
                title: m('keyMapPseudonym'),
                render: (_: unknown, r: KeyMapCheck['drawn'][number]) => <span style={mono}>{r.pseudonym}</span>,
              },
              { key: 'key', title: m('keyMapEntity'), dataIndex: 'key' },
              { key: 'team', title: m('keyMapTeam'), render: (_: unknown, r: KeyMapCheck['drawn'][number]) => r.team.join('、') },
            ]}
            onRow={(r) => ({ 'data-testid': 'key-map-row', 'data-uscc': r.key }) as React.HTMLAttributes<HTMLElement>}
          />
          {/* Whether one entity was in the pool, and with what weight (a credit list's, 联合惩戒's): what the supervisor checks of a listed entity. */}
          <Input.Search
            style={{ maxWidth: 420, marginTop: 12 }}
            placeholder={m('keyMapLookup')}
            aria-label={m('keyMapLookup')}
            enterButton
            onSearch={(uscc) => setLine(uscc.trim() && state.lookup ? { uscc, line: state.lookup(uscc) } : null)}
            data-testid="key-map-lookup"
          />
          {line && (
            <Typography.Paragraph
              style={{ marginTop: 8 }}
              data-testid="key-map-lookup-line"
              data-weight={line.line?.weight ?? ''}
              data-strata={line.line?.strata ?? 0}
            >
              {line.line && line.line.strata > 0
                ? m('keyMapLookupLine', {
                    pseudonym: line.line.pseudonym,
                    strata: line.line.strata,
                    weight: line.line.weight ?? '—',
                    drawn: m(line.line.drawn ? 'keyMapLookupDrawn' : 'keyMapLookupNotDrawn'),
                  })
                : m('keyMapLookupMissing')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
