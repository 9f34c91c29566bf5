import { migrate, openOrm } from '../src/db/orm';

async function main(): Promise<void> {
  const orm = await openOrm();
  try {
    const done = await migrate(orm);
    console.log(done.length ? `applied: ${done.join(', ')}` : 'database is up to date');
  } finally {
    await orm.close();
  }
}

main().catch((err: Error) => {
  console.error(`migrate: ${err.message}`);
  process.exit(1);
});
