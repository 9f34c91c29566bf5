// The activity both bench-only command workflows run: one INSERT into a small bench table, like a command's write.
import type { Pool } from 'pg';

export const BENCH_TABLE_DDL = `
  create table if not exists bench_command_paths (
    id text collate "C" primary key,
    path text not null,
    created_at timestamptz(3) not null default now()
  )`;

export interface BenchCommandInput {
  /** row id; unique per call */
  id: string;
  /** which client path ran it: 'start+result', 'update-with-start', 'eager', 'listen', 'eager+listen' */
  path: string;
  /** announce the row with NOTIFY bench_command_done (payload: the id) when it commits */
  notify?: boolean;
}

export const BENCH_DONE_CHANNEL = 'bench_command_done';

export interface BenchCommandOutcome {
  status: number;
  id: string;
}

export function createBenchActivities(pool: Pool) {
  return {
    async insertBenchRow(input: BenchCommandInput): Promise<BenchCommandOutcome> {
      // one statement, so the notification goes out with the row's commit
      await pool.query(
        input.notify
          ? `with i as (insert into bench_command_paths (id, path) values ($1, $2) on conflict (id) do nothing) select pg_notify('${BENCH_DONE_CHANNEL}', $1)`
          : 'insert into bench_command_paths (id, path) values ($1, $2) on conflict (id) do nothing',
        [input.id, input.path],
      );
      return { status: 201, id: input.id };
    },
  };
}

export type BenchActivities = ReturnType<typeof createBenchActivities>;
