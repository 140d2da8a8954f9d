import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addTenantWall, removeTenantWall } from '../rls';

const TABLES = ['notification_preferences', 'notification_deliveries', 'notification_outbox'];

/**
 * The tenant wall of the outbound channels' tables. A user's preferences are changed only by their own
 * flag; a delivery only moves through its sending state; the development outbox is append-only.
 */
export class NotificationChannelWalls1796980100000 implements MigrationInterface {
  name = 'NotificationChannelWalls1796980100000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await addTenantWall(q, table);
    await q.query(`GRANT SELECT, INSERT ON notification_preferences TO spotcheck_app`);
    await q.query(`GRANT UPDATE (enabled, updated_at) ON notification_preferences TO spotcheck_app`);
    await q.query(`GRANT SELECT, INSERT ON notification_deliveries TO spotcheck_app`);
    await q.query(`GRANT UPDATE (status, attempts, next_attempt_at, last_error, sent_at) ON notification_deliveries TO spotcheck_app`);
    await q.query(`GRANT SELECT, INSERT ON notification_outbox TO spotcheck_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`REVOKE ALL ON ${table} FROM spotcheck_app`);
      await removeTenantWall(q, table);
    }
  }
}
