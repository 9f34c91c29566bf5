import { Migration } from '@mikro-orm/migrations';

// API processes cache keys and workspace settings in memory: every change to either tells them at commit, whoever
// makes it (commands, the admin script, a backup restore, an operator's SQL), so a revoked key stops working at once.
export class Migration20261202000018_auth_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function notify_api_key_change() returns trigger language plpgsql as $$
      begin
        perform pg_notify('auth_changes', 'key:' || coalesce(old.id, new.id));
        return null;
      end $$;`);
    this.addSql(`
      create function notify_workspace_change() returns trigger language plpgsql as $$
      begin
        perform pg_notify('auth_changes', 'ws:' || coalesce(old.id, new.id));
        return null;
      end $$;`);
    // last_used_at/last_used_ip change nothing a cached key decides with
    this.addSql(`
      create trigger api_keys_notify after update of secret_hash, previous_secret_hash, previous_expires_at, scopes, api_version,
        expires_at, revoked_at, allowed_ips, allowed_origins, workspace_id, type or delete on api_keys
      for each row execute function notify_api_key_change();`);
    this.addSql(`
      create trigger workspaces_notify after update of rate_limits, pii_read_audit, api_version or delete on workspaces
      for each row execute function notify_workspace_change();`);
    this.addSql(`
      create function notify_auth_truncate() returns trigger language plpgsql as $$
      begin
        perform pg_notify('auth_changes', 'all');
        return null;
      end $$;`);
    this.addSql(`create trigger api_keys_notify_truncate after truncate on api_keys for each statement execute function notify_auth_truncate();`);
    this.addSql(`create trigger workspaces_notify_truncate after truncate on workspaces for each statement execute function notify_auth_truncate();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists workspaces_notify_truncate on workspaces;`);
    this.addSql(`drop trigger if exists api_keys_notify_truncate on api_keys;`);
    this.addSql(`drop trigger if exists workspaces_notify on workspaces;`);
    this.addSql(`drop trigger if exists api_keys_notify on api_keys;`);
    this.addSql(`drop function if exists notify_auth_truncate(), notify_workspace_change(), notify_api_key_change();`);
  }
}
