import { DriverException } from '@mikro-orm/postgresql';

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
