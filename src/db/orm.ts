import { MikroORM, type MigrationObject, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { config } from '../config';
import { ENTITIES } from './entities';

// Every file in migrations/ named Migration<yyyymmdd><6-digit sequence>_<what>, in name order: a new migration is a
// new file there and nothing else. The class a file exports bears the file's name.
const MIGRATION_FILE = /^(Migration\d{14}_\w+)\.(ts|js)$/;

function findMigrations(dir = join(__dirname, 'migrations')): MigrationObject[] {
  const names = [...new Set(readdirSync(dir).flatMap((file) => MIGRATION_FILE.exec(file)?.[1] ?? []))].sort();
  return names.map((name) => {
    const migration = (require(join(dir, name)) as Record<string, MigrationObject['class'] | undefined>)[name];
    if (!migration) throw new Error(`${name} exports no class named ${name}`);
    return { name, class: migration };
  });
}

export const MIGRATIONS = findMigrations();

export function ormOptions(databaseUrl = config.databaseUrl): Options {
  return {
    clientUrl: databaseUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, transactional: true, allOrNothing: true, silent: true },
    pool: { min: 0, max: config.dbPoolMax, acquireTimeoutMillis: 5_000 },
    driverOptions: { connection: { connectionTimeoutMillis: 3_000, statement_timeout: 15_000 } },
    allowGlobalContext: false,
    debug: false,
    discovery: { warnWhenNoEntities: false },
  };
}

export async function openOrm(databaseUrl?: string): Promise<MikroORM> {
  return MikroORM.init(ormOptions(databaseUrl));
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.getMigrator().up();
  return done.map((m) => m.name);
}
