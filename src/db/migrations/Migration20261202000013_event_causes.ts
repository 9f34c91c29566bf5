import { Migration } from '@mikro-orm/migrations';

// Events know their cause (issue 13): the request, flow run, message, webhook delivery or broadcast that wrote them,
// and a depth that grows by one with each flow run in the chain. `cause_flows` lists the flows whose runs are
// upstream, so the trigger poller can refuse a flow its own consequences. Messages and runs carry the depth and the
// flows of what queued or started them, for the events that follow later (receipts, steps).
export class Migration20261202000013_event_causes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table events
        add column cause_type text,
        add column cause_id text collate "C",
        add column cause_depth smallint not null default 0,
        add column cause_flows text[] not null default '{}';`);
    this.addSql(`alter table messages add column cause_depth smallint not null default 0, add column cause_flows text[] not null default '{}';`);
    this.addSql(`alter table flow_runs add column cause_depth smallint not null default 0, add column cause_flows text[] not null default '{}';`);
    // the run budgets: running runs per flow and workspace, and runs started in the last minute per flow
    this.addSql(`create index flow_runs_running_idx on flow_runs (workspace_id, flow_id) where status = 'running';`);
    this.addSql(`create index flow_runs_flow_created_idx on flow_runs (flow_id, created_at);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists flow_runs_flow_created_idx, flow_runs_running_idx;');
    this.addSql('alter table flow_runs drop column cause_flows, drop column cause_depth;');
    this.addSql('alter table messages drop column cause_flows, drop column cause_depth;');
    this.addSql('alter table events drop column cause_flows, drop column cause_depth, drop column cause_id, drop column cause_type;');
  }
}
