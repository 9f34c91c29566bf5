// The floor: a bare Express + pg server doing the same SQL as the real API's list and create, and nothing else
// (no auth, rate limit, validation, ORM, idempotency or Temporal). Started by bench/run.ts as a child process.
import express, { type NextFunction, type Request, type Response } from 'express';
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { newId } from '../src/ids';

const databaseUrl = process.env.DATABASE_URL;
const workspaceId = process.env.BENCH_WORKSPACE_ID;
const port = Number(process.env.PORT ?? 0);
if (!databaseUrl || !workspaceId || !port) throw new Error('floor-server needs DATABASE_URL, BENCH_WORKSPACE_ID and PORT');

// the same pool size as the API's MikroORM pool (DB_POOL_MAX, default 20)
const pool = new Pool({ connectionString: databaseUrl, max: Number(process.env.DB_POOL_MAX ?? 20) });

interface ContactRow {
  id: string;
  phone: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  external_id: string | null;
  attributes: Record<string, string | number | boolean>;
  created_at: Date;
  updated_at: Date;
}

const toWire = (r: ContactRow) => ({
  id: r.id,
  object: 'contact' as const,
  phone: r.phone,
  email: r.email,
  first_name: r.first_name,
  last_name: r.last_name,
  external_id: r.external_id,
  attributes: r.attributes,
  created_at: r.created_at.toISOString(),
  updated_at: r.updated_at.toISOString(),
});

const LIST_SQL = `select id, phone, email, first_name, last_name, external_id, attributes, created_at, updated_at
  from contacts where workspace_id = $1 and deleted_at is null order by created_at desc, id desc limit $2`;

const INSERT_CONTACT_SQL = `insert into contacts (id, workspace_id, phone, email, first_name, last_name, external_id, attributes, version, created_at, updated_at)
  values ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9)`;

const INSERT_EVENT_SQL = `insert into events (id, workspace_id, type, object_type, object_id, sequence, data, request_id, created_at)
  values ($1, $2, 'contact.created', 'contact', $3, 1, $4, $5, $6)`;

const app = express();
app.disable('x-powered-by');

app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});

app.get('/v1/contacts', async (req: Request, res: Response) => {
  const limit = Math.min(100, Math.max(1, Number(req.query.limit ?? 20) || 20));
  const { rows } = await pool.query<ContactRow>(LIST_SQL, [workspaceId, limit + 1]);
  const hasMore = rows.length > limit;
  res.type('application/json').send(JSON.stringify({ object: 'list', data: rows.slice(0, limit).map(toWire), has_more: hasMore, next_cursor: null }));
});

app.post('/v1/contacts', express.json(), async (req: Request, res: Response) => {
  const b = (req.body ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : null);
  const now = new Date();
  const row: ContactRow = {
    id: newId('ctc'),
    phone: str('phone'),
    email: str('email'),
    first_name: str('first_name'),
    last_name: str('last_name'),
    external_id: str('external_id'),
    attributes: (b.attributes as ContactRow['attributes']) ?? {},
    created_at: now,
    updated_at: now,
  };
  const wire = toWire(row);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(INSERT_CONTACT_SQL, [row.id, workspaceId, row.phone, row.email, row.first_name, row.last_name, row.external_id, JSON.stringify(row.attributes), now]);
    await client.query(INSERT_EVENT_SQL, [newId('evt'), workspaceId, row.id, JSON.stringify({ object: wire }), `req_${row.id.slice(4)}`, now]);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  res.status(201).type('application/json').send(JSON.stringify(wire));
});

app.use((err: Error & { code?: string }, _req: Request, res: Response, _next: NextFunction) => {
  res.status(err.code === '23505' ? 422 : 500).json({ error: err.message });
});

const server = createServer(app);
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => process.stdout.write(`floor listening on ${port}\n`));

const stop = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
