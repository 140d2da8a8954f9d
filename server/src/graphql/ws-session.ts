import type { AppServices } from './context';

/** The bearer authorization a graphql-ws client sent in its connection_init payload, if any. */
export function wsAuthorization(connectionParams: Readonly<Record<string, unknown>> | undefined): string | null {
  const params = (connectionParams ?? {}) as { authorization?: unknown; Authorization?: unknown; token?: unknown };
  const raw = params.authorization ?? params.Authorization ?? (params.token ? `Bearer ${String(params.token)}` : null);
  return typeof raw === 'string' ? raw : null;
}

/**
 * Whether the session a signed-in subscription was opened with still holds: its token not expired,
 * its session not revoked (sign-out, deactivation, password change).
 */
export async function sessionHolds(app: AppServices, authorization: string | null): Promise<boolean> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  if (!token) return false;
  const viewer = await app.tokens.verifyAccessToken(token);
  return !!viewer && !app.revocations.isRevoked(viewer.sessionId);
}

/** An async iterator that graphql-ws can stop (it calls `return` when the client or socket ends it). */
type Stream<T> = AsyncIterableIterator<T> & Required<Pick<AsyncIterator<T, undefined>, 'return' | 'throw'>>;

export const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * A subscription's events, each delivered only while `holds()`; at the first event after it no longer
 * does, the stream ends and `ended()` is called (it closes the socket). The context a subscription was
 * opened with is otherwise kept for its whole life, so a deactivated user would go on receiving events.
 * `return` goes straight to the source, so closing the socket releases it even while no event is pending.
 */
export function whileSessionHolds<T>(events: AsyncIterable<T>, holds: () => Promise<boolean>, ended: () => void): Stream<T> {
  const source = events[Symbol.asyncIterator]();
  const finish = async (): Promise<IteratorResult<T, undefined>> => {
    await source.return?.();
    return { done: true, value: undefined };
  };
  const stream: Stream<T> = {
    [Symbol.asyncIterator]: () => stream,
    next: async () => {
      const step = await source.next();
      if (step.done) return { done: true, value: undefined };
      if (await holds()) return step;
      ended();
      return finish();
    },
    return: finish,
    throw: async (error: unknown) => {
      await source.return?.();
      throw error;
    },
  };
  return stream;
}
