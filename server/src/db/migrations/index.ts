import { Initial1795462743563 } from './1795462743563-Initial';
import { TenantWalls1795462800000 } from './1795462800000-TenantWalls';

// Applied in this order. Generated migrations come from `npm run migration:generate -w server -- Name`.
export const MIGRATIONS: Function[] = [Initial1795462743563, TenantWalls1795462800000];
