import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../src/db/orm';
import { closeDb, sql } from './support/stack';

// Migrations are found by their file names: a new one is a new file in src/db/migrations/ and nothing else.

afterAll(closeDb);

describe('migrations', () => {
  it('are every file in src/db/migrations, in name order, each exporting the class of its name', () => {
    const files = readdirSync(join(__dirname, '../src/db/migrations')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(files.length).toBeGreaterThan(30);
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files);
    for (const m of MIGRATIONS) expect(m.class.name).toBe(m.name);
  });

  it('are the ones the test database was migrated with, in the order they were applied', async () => {
    const applied = await sql<{ name: string }>(`select name from mikro_orm_migrations order by id`);
    expect(applied.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });
});
