/** Ends the session on the server (best effort) and forgets it here, which shows the sign-in page. */
import { useCallback, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { clearSession, getSession } from '../../app/auth';
import { LOGOUT } from './operations';

export function useLogout(): { logout: () => Promise<void>; loggingOut: boolean } {
  const [mutate] = useMutation(LOGOUT);
  const [loggingOut, setLoggingOut] = useState(false);
  const logout = useCallback(async () => {
    const session = getSession();
    setLoggingOut(true);
    try {
      if (session) await mutate({ variables: { refreshToken: session.refreshToken } });
    } catch {
      // The session may already be gone on the server; signing out here is what matters.
    } finally {
      setLoggingOut(false);
      clearSession();
      // What the service worker kept of this user's reads is not for the next person on the device.
      navigator.serviceWorker?.controller?.postMessage('forget-reads');
    }
  }, [mutate]);
  return { logout, loggingOut };
}
