/** Keeps the chosen year (and region) in the address, so a reload or a shared link shows the same figures. */
import { useEffect } from 'react';

export function useYearInAddress(year: number, region?: string | null): void {
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    params.set('year', String(year));
    if (region) params.set('region', region);
    else params.delete('region');
    const next = `${window.location.pathname}?${params.toString()}`;
    if (next !== window.location.pathname + window.location.search) window.history.replaceState(null, '', next);
  }, [year, region]);
}
