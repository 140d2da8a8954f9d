/** Which kinds of unit the operator can onboard, and how deep in GB/T 2260 each one's region lies. */
import type { RegionLevel, TenantKind } from './operations';

export const ONBOARDABLE_KINDS = ['PROVINCIAL_DEPARTMENT', 'CITY_BUREAU', 'COUNTY_BUREAU'] as const satisfies readonly TenantKind[];
export type OnboardableKind = (typeof ONBOARDABLE_KINDS)[number];

export const REGION_LEVEL_OF_KIND: Record<OnboardableKind, Exclude<RegionLevel, 'COUNTRY'>> = {
  PROVINCIAL_DEPARTMENT: 'PROVINCE',
  CITY_BUREAU: 'CITY',
  COUNTY_BUREAU: 'COUNTY',
};

/** The platform's own region: it contains every other. */
export const COUNTRY_CODE = '000000';
