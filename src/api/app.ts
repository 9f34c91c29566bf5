import { randomBytes } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import './route-patterns';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client, Connection } from '@temporalio/client';
import { LocalFileStore, type FileStore } from '../files/file-store';
import { config } from '../config';
import { ApiError, isDatabaseUnavailable, problemOf, type FieldError } from '../errors';
import { loggableError } from '../db/driver-errors';
import { logger } from '../logger';
import { CURRENT_VERSION, resolveVersion, specForAnyVersion, specForVersion, upgradeRequest, VERSIONS } from '../versions';
import { apiKeysHandlers } from './api-keys.handlers';
import { authenticate, authenticateProvider, authenticateWhatsApp, type AuthDeps } from './auth';
import { ApiKeyCache } from './key-cache';
import { RateBudgets } from './rate-budgets';
import { trustProxy } from './client-address';
import { bulkHandlers } from './bulk.handlers';
import { broadcastsHandlers } from './broadcasts.handlers';
import { usageHandlers } from './usage.handlers';
import { environmentPromotionsHandlers } from './environment-promotions.handlers';
import { oauthAppsHandlers } from './oauth-apps.handlers';
import { commandRunner, type RunCommand } from './commands';
import { checkCommandTable } from '../commands/registry';
import type { CommandsWorker } from './commands-worker';
import { contactsHandlers } from './contacts.handlers';
import { wrap, type ApiRequest, type AuthedRequest, type HandlerResult } from './context';
import { corsFor } from './cors';
import { eventsHandlers } from './events.handlers';
import { eventTypesHandlers } from './event-types.handlers';
import { messagingHandlers } from './messaging.handlers';
import type { EventStreams } from './events.stream';
import { filesHandlers } from './files.handlers';
import { flowsHandlers } from './flows.handlers';
import { receiveUpload } from './files.upload';
import { requestDuration } from '../metrics';
import { encodeQueryForValidator } from './query-encoding';
import { AJV_FORMATS_MODE, CALENDAR_FORMATS } from '../spec-formats';
import { hasOpsToken, metricsHandler, readyzHandler } from './ops';
import { PiiReadAudit } from './pii-audit';
import { ordersHandlers } from './orders.handlers';
import { privacyHandlers } from './privacy.handlers';
import { sendApiError, sendProblem, sendResult } from './respond';
import { allowedMethods, OPERATIONS, spec, specPathOf, type Operation } from '../spec';
import { aliasFreeYaml, forGenerators } from './generator-spec';
import { changelogMarkdown } from '../versions/changelog';
import { statusHandlers } from './status.handlers';
import { templatesHandlers } from './templates.handlers';
import { contactAttributesHandlers } from './contact-attributes.handlers';
import { shownAttributeKeys } from '../db/contact-attributes.queries';
import { tagsHandlers } from './tags.handlers';
import { webhooksHandlers } from './webhooks.handlers';
import { parseJsonBytes, readJsonBytes } from './json-body';
import { serveMcp } from './mcp';
import { serveOAuth } from './oauth';

export interface AppDeps {
  orm: MikroORM;
  client: Client;
  connection: Connection;
  eventStreams: EventStreams;
  files?: FileStore;
  piiAudit?: PiiReadAudit;
  /** API keys held in memory; without one, the app makes its own (and its owner never closes it) */
  keys?: ApiKeyCache;
  budgets?: RateBudgets;
  /** this process's own commands worker (API_EMBEDDED_WORKER=1): commands start eagerly on it */
  commandsWorker?: CommandsWorker;
}

type Handler = (req: AuthedRequest) => Promise<HandlerResult>;


function requestContext(req: Request, res: Response, next: NextFunction): void {
  const ctx = { requestId: `req_${randomBytes(12).toString('hex')}`, startedAt: process.hrtime.bigint() };
  (req as ApiRequest).ctx = ctx;
  res.setHeader('Request-Id', ctx.requestId);
  res.on('finish', () => {
    const r = req as ApiRequest;
    const seconds = Number(process.hrtime.bigint() - ctx.startedAt) / 1e9;
    const operation = r.ctx.operation?.operationId ?? 'unmatched';
    requestDuration.observe({ operation, method: req.method, status: String(res.statusCode) }, seconds);
    logger.info(
      { request_id: ctx.requestId, operation, method: req.method, status: res.statusCode, ms: Math.round(seconds * 1000), workspace_id: r.ctx.auth?.workspaceId, key_id: r.ctx.auth?.keyId },
      'request',
    );
  });
  next();
}

function validatorPointer(path: string): string {
  // the validator reports /body/phone, /query/limit, /headers/idempotency-key, /params/contact_id
  const p = path.replace(/^\./, '/').replace(/\./g, '/');
  if (p.startsWith('/body')) return p.slice('/body'.length) || '/';
  if (p.startsWith('/headers/')) return `/header/${p.slice('/headers/'.length)}`;
  if (p.startsWith('/params/')) return `/path/${p.slice('/params/'.length)}`;
  return p;
}

interface ValidatorError {
  status: number;
  errors?: { path: string; message: string; errorCode?: string }[];
  message: string;
}

function toApiError(err: unknown): ApiError | null {
  if (err instanceof ApiError) return err;
  const e = err as { type?: string; status?: number; errors?: unknown };
  if (e?.type === 'entity.parse.failed') return new ApiError('malformed_json', 'The body is not valid JSON');
  if (e?.type === 'entity.too.large') return new ApiError('payload_too_large', `Bodies are limited to ${config.limits.bodyBytes} bytes`);
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new ApiError('unsupported_media_type', 'Send the body as UTF-8 application/json');
  // the body reader's other refusals (a length that does not match, a stream that broke off) are the client's
  if (typeof e?.type === 'string' && e.status === 400 && !Array.isArray(e.errors)) return new ApiError('invalid_request', 'The body could not be read as sent');
  if (typeof e?.status === 'number' && Array.isArray(e.errors)) {
    const v = err as ValidatorError;
    if (v.status === 415) return new ApiError('unsupported_media_type', v.message);
    if (v.status === 413) return new ApiError('payload_too_large', v.message);
    if (v.status === 400) {
      const errors: FieldError[] = (v.errors ?? []).map((fe) => {
        const extra = /additional propert/i.test(fe.message) ? fe.message.match(/'([^']+)'/)?.[1] : undefined;
        const pointer = validatorPointer(fe.path);
        return {
          pointer: extra && !pointer.endsWith(`/${extra}`) ? `${pointer === '/' ? '' : pointer}/${extra}` : pointer,
          code: (fe.errorCode ?? 'invalid').replace(/\.openapi\.validation$/, ''),
          message: fe.message,
        };
      });
      return new ApiError('invalid_request', errors.map((fe) => `${fe.pointer}: ${fe.message}`).join('; ').slice(0, 500), { errors });
    }
  }
  if (isDatabaseUnavailable(err)) return new ApiError('database_unavailable', 'PostgreSQL is unreachable; retry shortly', {}, { 'Retry-After': '2' });
  return null;
}

function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const r = req as ApiRequest;
  if (res.headersSent) return;
  const apiError = toApiError(err);
  if (apiError) return sendApiError(r, res, apiError);
  logger.error({ request_id: r.ctx?.requestId, err: loggableError(err) }, 'unhandled error');
  sendProblem(r, res, problemOf('internal_error', r.ctx.requestId, 'Something went wrong on our side; it is logged under this request id'));
}

function docsPage(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>SabNode API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><redoc spec-url="/docs/reference.json"></redoc><script src="/docs/redoc.standalone.js"></script></body></html>`;
}

// commands after which this process drops the workspace's keys from memory itself, before the NOTIFY arrives
const AUTH_CHANGING = new Set(['revokeApiKey', 'rollApiKey', 'updateWorkspace']);

function startedKeyCache(orm: MikroORM): ApiKeyCache {
  const keys = new ApiKeyCache(orm);
  keys.start();
  return keys;
}

/**
 * The contract: one document per version (?version=YYYY-MM-DD, default the current one), each describing its own
 * shapes, in three renderings (the 3.1 contract as JSON and as YAML without aliases, and 3.0.3 for client
 * generators), and the reference page that renders it.
 */
function serveDocuments(app: express.Express): void {
  const versionSpecs = new Map(VERSIONS.map((v) => [v.version, specForVersion(spec, v)]));
  const generatorSpecs = new Map([...versionSpecs].map(([v, doc]) => [v, forGenerators(doc)]));
  const yamlSpecs = new Map([...versionSpecs].map(([v, doc]) => [v, aliasFreeYaml(doc)]));
  const documentFor = <T>(rendering: Map<string, T>, req: Request): T => {
    const asked = typeof req.query.version === 'string' ? req.query.version : CURRENT_VERSION;
    const doc = rendering.get(asked);
    if (doc === undefined) {
      throw new ApiError('invalid_api_version', `No document for version '${asked.slice(0, 40)}'; versions: ${VERSIONS.map((v) => v.version).join(', ')}`, {
        errors: [{ pointer: '/query/version', code: 'invalid_api_version', message: 'Unknown API version' }],
      });
    }
    return doc;
  };
  app.get('/openapi.json', wrap(async (req, res) => {
    res.json(documentFor(versionSpecs, req));
  }));
  app.get('/openapi.yaml', wrap(async (req, res) => {
    res.type('application/yaml').send(documentFor(yamlSpecs, req));
  }));
  app.get('/openapi-3.0.json', wrap(async (req, res) => {
    res.json(documentFor(generatorSpecs, req));
  }));
  app.get('/docs', (_req, res) => {
    res.type('html').send(docsPage());
  });
  // the page's document: the current version's, with the changelog as its last section
  app.get('/docs/reference.json', (_req, res) => {
    const doc = versionSpecs.get(CURRENT_VERSION)! as { info: { description?: string } };
    res.json({ ...doc, info: { ...doc.info, description: `${doc.info.description ?? ''}\n\n${changelogMarkdown()}` } });
  });
  app.get('/docs/redoc.standalone.js', (_req, res) => {
    res.sendFile(require.resolve('redoc/bundles/redoc.standalone.js'));
  });
}

/** Liveness, readiness and the metrics (the last only with the ops token on the public listener). */
function serveOps(app: express.Express, deps: AppDeps): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', wrap(readyzHandler(deps, hasOpsToken)));
  const metrics = metricsHandler(deps);
  app.get(
    '/metrics',
    wrap(async (req, res, next) => {
      // not on the public listener without the ops token; the ops listener (OPS_PORT) serves it freely
      if (!hasOpsToken(req)) return next();
      await metrics(req, res);
    }),
  );
}

/**
 * Each resource's handlers by operationId: its reads, and the few mutations that add something around their command
 * (a one-time secret, an upload, a bulk job's progress). Every other mutation is the command runner itself.
 */
function resourceHandlers(deps: AppDeps, runCommand: RunCommand, files: FileStore): Record<string, Handler> {
  return {
    ...contactsHandlers(deps.orm),
    ...messagingHandlers(deps.orm, runCommand),
    ...templatesHandlers(deps.orm),
    ...contactAttributesHandlers(deps.orm),
    ...ordersHandlers(deps.orm),
    ...statusHandlers(),
    ...eventsHandlers(deps.orm, deps.eventStreams),
    ...eventTypesHandlers(),
    ...tagsHandlers(deps.orm),
    ...filesHandlers(deps.orm, runCommand, files),
    ...webhooksHandlers(deps.orm, runCommand),
    ...bulkHandlers(deps.orm, runCommand),
    ...apiKeysHandlers(deps.orm, runCommand),
    ...flowsHandlers(deps.orm, runCommand),
    ...privacyHandlers(deps.orm, runCommand),
    ...broadcastsHandlers(deps.orm),
    ...usageHandlers(deps.orm),
    ...environmentPromotionsHandlers(deps.orm),
    ...oauthAppsHandlers(deps.orm, runCommand),
  };
}

function requestValidator() {
  // a query value written with literal reserved characters (`tag=region:south`, a space as `+`) is read as meant
  return [encodeQueryForValidator, ...OpenApiValidator.middleware({
    // requests are upgraded to the current shape before validation, whatever version they were written in
    apiSpec: specForAnyVersion(spec) as never,
    // false: a JSON body is taken as typed (found by fuzzing: `"first_name": false` was stored as "false"); the
    // validator still coerces path, query and header values, which are strings on the wire
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false, allErrors: true },
    validateResponses: false,
    validateSecurity: false,
    validateFormats: true,
    ajvFormats: { mode: AJV_FORMATS_MODE },
    formats: CALENDAR_FORMATS,
    ignoreUndocumented: true,
    // multer would hold uploads in memory; receiveUpload streams them to the FileStore instead
    fileUploader: false,
  })];
}

const bind = (op: Operation) => (req: Request, _res: Response, next: NextFunction) => {
  // a templated route does not take a path that a literal spec path owns (`/v1/contacts/bulk`)
  if (op.path.includes('{') && specPathOf(req.path) !== op.path) return next('route');
  (req as ApiRequest).ctx.operation = op;
  next();
};
const version = wrap((req, _res, next) => {
  req.ctx.version = resolveVersion(req.get('api-version'), req.ctx.auth?.pinnedVersion);
  next();
});
/**
 * An MCP tool call (the request names its tool, as `/mcp` and `npm run mcp` send it) writes its audit record before
 * it runs; a request that names another operation's tool is no tool call and is refused.
 */
const auditToolCall = (op: Operation) =>
  wrap(async (req, _res, next) => {
    const tool = req.get('sabnode-mcp-tool');
    if (tool === undefined) return next();
    if (tool !== op.mcpTool) {
      throw new ApiError('invalid_request', `Sabnode-Mcp-Tool names no tool of ${op.operationId}`, {
        errors: [{ pointer: '/headers/sabnode-mcp-tool', code: 'invalid_request', message: op.mcpTool ? `This operation is the tool ${op.mcpTool}` : 'This operation is no MCP tool' }],
      });
    }
    await req.ctx.piiAudit!.forToolCall(req, tool);
    next();
  });
const upgrade = (op: Operation) =>
  wrap((req, _res, next) => {
    if (req.body !== undefined) req.body = upgradeRequest(req.ctx.version!, op.operationId, req.body);
    next();
  });

/**
 * One route per operation of openapi.yaml, each through the same chain: CORS, the operation, the caller (key and
 * scopes, or a provider's signature), the version, the body (read bounded, upgraded), validation, then its handler.
 */
function serveOperations(app: express.Express, deps: AppDeps, auth: AuthDeps, files: FileStore): void {
  // the spec's mutations and the command table are one set, or nothing starts
  checkCommandTable();
  const runCommand = commandRunner(deps);
  const handlers = resourceHandlers(deps, runCommand, files);
  const validator = requestValidator();
  // CORS before anything that can refuse, so that a browser can read the refusal
  for (const path of new Set(OPERATIONS.map((op) => op.expressPath))) {
    app.all(path, corsFor(OPERATIONS.filter((op) => op.expressPath === path)));
  }
  for (const op of OPERATIONS) {
    // a mutation runs as its command unless its handler adds something around it (a one-time secret, an upload)
    const handler = handlers[op.operationId] ?? (op.read ? undefined : runCommand);
    if (!handler) throw new Error(`openapi.yaml names ${op.operationId} but no handler implements it`);
    const changesAuth = AUTH_CHANGING.has(op.operationId);
    const run = wrap(async (req, res) => {
      const result = await handler(req as AuthedRequest);
      if (changesAuth) auth.keys.forgetWorkspace(req.ctx.auth!.workspaceId);
      return sendResult(req, res, result);
    });
    if (op.auth === 'signature') {
      // the signature covers the body: its bytes are read (size-bounded) before the caller is known, and parsed
      // only once the signature over them holds
      app[op.method](op.expressPath, bind(op), readJsonBytes, wrap(authenticateProvider(auth, op)), parseJsonBytes, version, ...validator, run);
      continue;
    }
    if (op.auth === 'whatsapp') {
      // the same for Meta's notifications (X-Hub-Signature-256); its handshake GET has no body, only the verify token
      const body = op.hasBody ? [readJsonBytes] : [];
      app[op.method](op.expressPath, bind(op), ...body, wrap(authenticateWhatsApp(auth, op)), ...(op.hasBody ? [parseJsonBytes] : []), version, ...validator, run);
      continue;
    }
    const body = !op.hasBody ? [] : op.multipart ? [receiveUpload(deps.orm, files)] : [readJsonBytes, parseJsonBytes, upgrade(op)];
    app[op.method](op.expressPath, bind(op), wrap(authenticate(auth, op)), version, auditToolCall(op), ...body, ...validator, run);
  }
  const extra = Object.keys(handlers).filter((id) => !OPERATIONS.some((op) => op.operationId === id));
  if (extra.length) throw new Error(`handlers without an operation in openapi.yaml: ${extra.join(', ')}`);
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // flat query values only (`a[b][c]=` stays one key): nothing a caller sends in a URL is expanded into nesting
  app.set('query parser', 'simple');
  // JSON answers are not cached by clients; hashing every body cost CPU on the read path (file downloads set their own ETag)
  app.set('etag', false);
  // X-Forwarded-For counts only from the proxies named in TRUSTED_PROXIES
  app.set('trust proxy', trustProxy);
  app.use(requestContext);
  const piiAudit = deps.piiAudit ?? new PiiReadAudit(deps.orm);
  const shownAttributes = (workspaceId: string) => shownAttributeKeys(deps.orm.em.fork(), workspaceId);
  app.use((req, _res, next) => {
    (req as ApiRequest).ctx.piiAudit = piiAudit;
    (req as ApiRequest).ctx.shownAttributes = shownAttributes;
    next();
  });

  serveOps(app, deps);
  serveDocuments(app);
  const auth: AuthDeps = { orm: deps.orm, keys: deps.keys ?? startedKeyCache(deps.orm), budgets: deps.budgets ?? new RateBudgets(deps.orm) };
  serveOperations(app, deps, auth, deps.files ?? new LocalFileStore(config.filesDir));
  serveMcp(app, auth);
  serveOAuth(app, deps.orm, auth);

  app.use(
    wrap((req) => {
      const allowed = allowedMethods(req.path);
      if (allowed.length) throw new ApiError('method_not_allowed', `Allowed: ${allowed.join(', ')}`, {}, { Allow: allowed.join(', ') });
      throw new ApiError('route_not_found', `No endpoint ${req.method} ${req.path.slice(0, 100)}`);
    }),
  );
  app.use(errorHandler);
  return app;
}
