/**
 * The signed-in user and what they may do (the shared CASL ability), for every page behind sign-in.
 * The ability only decides what to show; the server checks every request again.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { defineAbilityFor, type AppAbility } from '@spotcheck/shared';
import type { Me } from '../features/me/operations';

export interface CurrentUser {
  me: Me;
  ability: AppAbility;
}

const CurrentUserContext = createContext<CurrentUser | null>(null);

export function abilityOf(me: Me): AppAbility {
  return defineAbilityFor({ id: me.id, tenantId: me.tenant.id, departmentId: me.department?.id ?? null, roles: me.roles });
}

export function CurrentUserProvider({ value, children }: { value: CurrentUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={value}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): CurrentUser {
  const value = useContext(CurrentUserContext);
  if (!value) throw new Error('useCurrentUser must be used inside <CurrentUserProvider>');
  return value;
}
