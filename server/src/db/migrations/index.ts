import { Initial1795463404636 } from './1795463404636-Initial';
import { TenantWalls1795463500000 } from './1795463500000-TenantWalls';

// Applied in this order. Generated migrations come from `npm run migration:generate -w server -- Name`.
export const MIGRATIONS: Function[] = [Initial1795463404636, TenantWalls1795463500000];
