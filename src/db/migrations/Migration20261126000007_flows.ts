import { Migration } from '@mikro-orm/migrations';

// Flows (issue 4): versioned definitions, runs with a step-by-step log, and the event-trigger read position.
export class Migration20261126000007_flows extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table flows (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        name text not null,
        status text not null check (status in ('inactive', 'active')),
        version integer not null,
        trigger_type text not null,
        event_type text,
        signing_secret text not null,
        activated_at timestamptz(3),
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        deleted_at timestamptz(3)
      );`);
    this.addSql(`create index flows_workspace_idx on flows (workspace_id, created_at desc, id desc);`);
    // what the trigger poller reads per batch: the active event and keyword flows of a few workspaces
    this.addSql(`create index flows_triggers_idx on flows (workspace_id, event_type) where status = 'active' and deleted_at is null and event_type is not null;`);
    // versions are written once and never changed: a run reads the version it started with
    this.addSql(`
      create table flow_versions (
        flow_id text collate "C" not null references flows(id),
        version integer not null,
        workspace_id text collate "C" not null,
        trigger jsonb not null,
        steps jsonb not null,
        created_at timestamptz(3) not null,
        primary key (flow_id, version)
      );`);
    this.addSql(`
      create table flow_runs (
        id text collate "C" primary key,
        workspace_id text collate "C" not null references workspaces(id),
        flow_id text collate "C" not null references flows(id),
        flow_version integer not null,
        contact_id text collate "C" not null,
        status text not null check (status in ('running', 'completed', 'failed', 'cancelled')),
        trigger_event_id text collate "C",
        failure_reason text,
        workflow_started_at timestamptz(3),
        finished_at timestamptz(3),
        created_at timestamptz(3) not null,
        updated_at timestamptz(3) not null,
        foreign key (flow_id, flow_version) references flow_versions(flow_id, version)
      );`);
    // exactly one run per (event, flow), whoever polls and however often
    this.addSql(`create unique index flow_runs_trigger_uq on flow_runs (flow_id, trigger_event_id) where trigger_event_id is not null;`);
    this.addSql(`create index flow_runs_workspace_idx on flow_runs (workspace_id, created_at desc, id desc);`);
    this.addSql(`create index flow_runs_unstarted_idx on flow_runs (created_at) where workflow_started_at is null and status = 'running';`);
    // one row per executed step, keyed by its place in the run: a retried step finds its row and does nothing twice
    this.addSql(`
      create table flow_run_steps (
        run_id text collate "C" not null references flow_runs(id),
        idx integer not null,
        step_id text not null,
        type text not null,
        status text not null check (status in ('running', 'completed', 'failed', 'cancelled')),
        outcome jsonb,
        -- where the run goes after this step (null: the run ends), so a retried step answers as the first time
        next_idx integer,
        started_at timestamptz(3) not null,
        finished_at timestamptz(3),
        primary key (run_id, idx)
      );`);
    this.addSql(`create table flow_trigger_position (id integer primary key check (id = 1), txid xid8 not null, event_id text collate "C" not null);`);
    this.addSql(`insert into flow_trigger_position (id, txid, event_id) values (1, pg_current_xact_id(), '');`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists flow_trigger_position, flow_run_steps, flow_runs, flow_versions, flows cascade;');
  }
}
