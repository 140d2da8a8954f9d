import WebSocket from 'ws';

/** What the server answered to one operation over graphql-ws: its first message, or how the socket closed. */
export type WsAnswer =
  | { type: 'next'; payload: { data?: any; errors?: any[] } }
  | { type: 'error'; payload: any[] }
  | { type: 'closed'; code: number; reason: string }
  | { type: 'silent' };

/** Sends one operation over the graphql-transport-ws protocol (raw, so a closed socket is seen as such). */
export async function ask(httpUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string, timeoutMs = 5000): Promise<WsAnswer> {
  const socket = new WebSocket(`${httpUrl.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  try {
    return await new Promise<WsAnswer>((resolve) => {
      const timer = setTimeout(() => resolve({ type: 'silent' }), timeoutMs);
      const done = (answer: WsAnswer) => {
        clearTimeout(timer);
        resolve(answer);
      };
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} })));
      socket.on('message', (raw) => {
        const message = JSON.parse(String(raw)) as { type: string; payload?: any };
        if (message.type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
        else if (message.type === 'next' || message.type === 'error') done({ type: message.type, payload: message.payload } as WsAnswer);
      });
      socket.on('close', (code, reason) => done({ type: 'closed', code, reason: String(reason) }));
    });
  } finally {
    socket.close();
  }
}

/** The `extensions.code` of each error in an answer ('closed …' or 'silent' when there was none). */
export function wsCodes(answer: WsAnswer): string[] {
  if (answer.type === 'closed') return [`closed ${answer.code}`];
  if (answer.type === 'silent') return ['silent'];
  const errors = answer.type === 'error' ? answer.payload : (answer.payload.errors ?? []);
  return errors.map((e: any) => e.extensions?.code);
}
