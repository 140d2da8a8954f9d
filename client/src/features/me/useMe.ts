/**
 * The signed-in user. The server answers `me: null` (not an error) to a token it no longer accepts,
 * so a null here gets the same treatment as UNAUTHENTICATED: one refresh, then back to sign-in.
 */
import { useEffect, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { clearSession } from '../../app/auth';
import { refreshSession } from '../../app/refresh';
import { ME } from './operations';

export function useMe() {
  const result = useQuery(ME, { fetchPolicy: 'network-only' });
  const { data, refetch } = result;
  const triedRefresh = useRef(false);
  useEffect(() => {
    if (data?.me !== null) return;
    if (triedRefresh.current) {
      clearSession();
      return;
    }
    triedRefresh.current = true;
    void refreshSession().then((ok) => (ok ? refetch() : undefined));
  }, [data, refetch]);
  return result;
}
