import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * spotcheck-draw/2: a draw's secret for its pseudonyms, and the map from each pseudonym back to what it
 * stands for (gzip JSON). Neither is in public_draws: the public record names nobody.
 */
export class DrawPseudonyms1796700000000 implements MigrationInterface {
  name = 'DrawPseudonyms1796700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE draws ADD pseudonym_secret text, ADD key_map_gz bytea`);
    await q.query(`ALTER TABLE draws ADD CONSTRAINT draws_pseudonymous_has_secret
      CHECK ((algorithm = 'spotcheck-draw/2') = (pseudonym_secret IS NOT NULL AND key_map_gz IS NOT NULL))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE draws DROP CONSTRAINT draws_pseudonymous_has_secret, DROP COLUMN key_map_gz, DROP COLUMN pseudonym_secret`);
  }
}
