import { DriverException, ValidationError } from '@mikro-orm/postgresql';

/**
 * PostgreSQL puts row values in its messages ("Key (phone)=(+91…) already exists") and the driver adds the query
 * with its parameters. Failures go to Temporal history and logs, so only the kind of failure and the constraint leave.
 */
export function withoutRowData(err: DriverException): Error {
  const e = err as DriverException & { constraint?: string; table?: string };
  const out = new Error(`${e.name} (${e.code ?? 'no code'}) on ${e.table ?? '?'}${e.constraint ? `.${e.constraint}` : ''}`);
  out.name = e.name;
  return out;
}

/** An error as the logs may hold it: a database error without its query, parameters or row values. */
export function loggableError(err: unknown): { name?: string; message?: string; stack?: string } {
  if (err instanceof DriverException) {
    const safe = withoutRowData(err);
    return { name: safe.name, message: safe.message };
  }
  const e = err as Error | undefined;
  return { name: e?.name, message: e?.message, stack: e?.stack };
}

/**
 * What an activity's failure may carry into Temporal history and the SDK's logs: database errors without row data,
 * ORM validation errors without the entity they dump (a message's text, a contact's phone), anything else as it is.
 */
export function withoutPersonalData(err: unknown): unknown {
  if (err instanceof DriverException) return withoutRowData(err);
  if (err instanceof ValidationError) {
    // the first line names the entity and property; quoted values in it are the row's, so they go too
    const out = new Error(`${err.name}: ${err.message.split('\n')[0].replace(/'[^']*'/g, "'…'").slice(0, 300)}`);
    out.name = err.name;
    return out;
  }
  return err;
}
