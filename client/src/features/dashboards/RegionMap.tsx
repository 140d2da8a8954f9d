/**
 * The divisions one level below a region (a province's cities, a city's counties), coloured by one figure.
 * Boundaries come from the server (/api/maps/<code>.json), one region at a time; a click on a division
 * that has bureaus drills down to it. Where no boundaries exist (a county), the table stands alone.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Spin } from 'antd';
import { useMessages } from '../../app/i18n';
import { mapOption, type MapArea, type Metric } from './charts';
import { EChart, registerRegionMap, type ChartClick } from './EChart';
import { dashboardMessages } from './messages';

interface Feature {
  type: string;
  properties?: { adcode?: number | string; name?: string };
  geometry: unknown;
}

type Loaded = { code: string; names: Map<string, string> } | { code: string; missing: true };

export function RegionMap({
  code,
  values,
  metric,
  metricName,
  onPick,
}: {
  code: string;
  values: Map<string, number | null>;
  metric: Metric;
  metricName: string;
  onPick: (code: string) => void;
}) {
  const m = useMessages(dashboardMessages);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let live = true;
    fetch(`/api/maps/${code}.json`)
      .then((response) => (response.ok ? (response.json() as Promise<{ type: string; features: Feature[] }>) : null))
      .then((geo) => {
        if (!live) return;
        if (!geo) return setLoaded({ code, missing: true });
        // Divisions are named by their GB/T 2260 code, so figures match them whatever the map calls them.
        const names = new Map<string, string>();
        const features = geo.features
          .filter((f) => f.properties?.adcode)
          .map((f) => {
            const key = String(f.properties!.adcode);
            names.set(key, f.properties!.name ?? key);
            return { ...f, properties: { ...f.properties, name: key } };
          });
        registerRegionMap(`region-${code}`, { ...geo, features });
        setLoaded({ code, names });
      })
      .catch(() => live && setLoaded({ code, missing: true }));
    return () => {
      live = false;
    };
  }, [code]);

  const option = useMemo(() => {
    if (!loaded || loaded.code !== code || 'missing' in loaded) return null;
    const areas: MapArea[] = [...loaded.names.entries()].map(([key, name]) => ({ code: key, name, value: values.get(key) ?? null }));
    return mapOption(`region-${code}`, areas, loaded.names, metric, metricName);
  }, [loaded, code, values, metric, metricName]);

  if (!loaded || loaded.code !== code) return <Spin style={{ display: 'block', padding: 48 }} />;
  if ('missing' in loaded) return <Alert type="info" showIcon title={m('mapUnavailable')} data-testid="region-map-missing" />;
  return (
    <EChart
      option={option!}
      height={440}
      label={m('map')}
      testId="region-map"
      onClick={(event: ChartClick) => {
        if (values.has(event.name)) onPick(event.name);
      }}
    />
  );
}
