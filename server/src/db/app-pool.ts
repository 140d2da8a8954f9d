import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/** The pg pool under a DataSource: its connections are the ones TypeORM hands out. */
export function appPool(db: DataSource): Pool {
  return (db.driver as unknown as { master: Pool }).master;
}
