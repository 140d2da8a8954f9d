/**
 * Cascading selects over GB/T 2260 (省 → 市 → 县), one `regions(parentCode)` query per level, down to
 * the level the unit's kind needs. Where a county sits directly under its province (直辖市, 省直辖县),
 * the second select already offers counties, and the chain simply ends there.
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Select, Space } from 'antd';
import { useMessages } from '../../app/i18n';
import { tenantMessages } from './messages';
import { REGIONS, type Region, type RegionLevel } from './operations';

type Level = Exclude<RegionLevel, 'COUNTRY'>;
const PLACEHOLDER_BY_DEPTH: Level[] = ['PROVINCE', 'CITY', 'COUNTY'];

interface Props {
  /** The chosen region's code once the chain reaches `targetLevel`. */
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Every change of the chain (province first), for suggestions that depend on the whole path. */
  onChain?: (chain: Region[]) => void;
  targetLevel: Level;
  disabled?: boolean;
}

export function RegionPicker({ value, onChange, onChain, targetLevel, disabled }: Props) {
  const [chain, setChain] = useState<Region[]>([]);

  // A new kind (a different depth) or a cleared form starts the chain afresh.
  useEffect(() => {
    setChain([]);
  }, [targetLevel]);
  useEffect(() => {
    if (!value) setChain((current) => (current.at(-1)?.level === targetLevel ? [] : current));
  }, [value, targetLevel]);

  const choose = (depth: number, region: Region | undefined) => {
    const next = [...chain.slice(0, depth), ...(region ? [region] : [])];
    setChain(next);
    onChain?.(next);
    const last = next.at(-1);
    onChange?.(last && last.level === targetLevel ? last.code : undefined);
  };

  const selects = [null as string | null, ...chain.filter((r) => r.level !== targetLevel).map((r) => r.code)];
  return (
    <Space wrap data-testid="region-picker">
      {selects.map((parentCode, depth) => (
        <RegionSelect
          key={`${depth}-${parentCode ?? 'root'}`}
          parentCode={parentCode}
          depth={depth}
          value={chain[depth]?.code}
          disabled={disabled}
          onSelect={(region) => choose(depth, region)}
        />
      ))}
    </Space>
  );
}

function RegionSelect({
  parentCode,
  depth,
  value,
  disabled,
  onSelect,
}: {
  parentCode: string | null;
  depth: number;
  value: string | undefined;
  disabled?: boolean;
  onSelect: (region: Region | undefined) => void;
}) {
  const m = useMessages(tenantMessages);
  const { data, loading } = useQuery(REGIONS, { variables: { parentCode } });
  const regions = data?.regions ?? [];
  const placeholder = m(PLACEHOLDER_BY_DEPTH[depth] ?? 'next');
  return (
    <Select
      style={{ width: 180 }}
      aria-label={placeholder}
      placeholder={placeholder}
      data-testid={`region-select-${depth}`}
      loading={loading}
      disabled={disabled}
      value={value}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={regions.map((r) => ({ value: r.code, label: r.name }))}
      onChange={(code: string | undefined) => onSelect(regions.find((r) => r.code === code))}
    />
  );
}
