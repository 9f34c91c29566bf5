// How every process reaches Temporal: one set of options for the client's Connection and the worker's
// NativeConnection, read from the environment (a local dev server, a self-hosted cluster with TLS or mTLS,
// Temporal Cloud with mTLS or an API key).
import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';

export interface TemporalConnectionOptions {
  address: string;
  /** false: plaintext; otherwise TLS with these settings */
  tls: TLSConfig | false;
  /** sent as `Authorization: Bearer …` on every call (Temporal Cloud API keys) */
  apiKey?: string;
  /** with an API key: the namespace header Temporal Cloud routes key-authenticated calls by */
  metadata?: Record<string, string>;
}

/** What may be logged about a connection: never the key or certificate material. */
export interface TemporalConnectionSummary {
  address: string;
  tls: boolean;
  mtls: boolean;
  customCa: boolean;
  apiKey: boolean;
}

const FLAG = /^(true|false|1|0)$/i;

function readPem(env: NodeJS.ProcessEnv, name: string): Buffer | undefined {
  const file = env[name];
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch (err) {
    // the path is configuration, not a secret; the file's content is never repeated
    throw new Error(`${name}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TLS, TEMPORAL_TLS_CA_PATH, TEMPORAL_TLS_CERT_PATH +
 * TEMPORAL_TLS_KEY_PATH (mTLS), TEMPORAL_TLS_SERVER_NAME and TEMPORAL_API_KEY. Any TLS setting or an API key turns
 * TLS on; an API key is never sent in plaintext.
 */
export function temporalConnectionOptions(env: NodeJS.ProcessEnv = process.env): TemporalConnectionOptions {
  const address = env.TEMPORAL_ADDRESS || '127.0.0.1:7233';
  const apiKey = env.TEMPORAL_API_KEY || undefined;
  const flag = env.TEMPORAL_TLS ?? '';
  if (flag !== '' && !FLAG.test(flag)) throw new Error('TEMPORAL_TLS must be true or false');
  const ca = readPem(env, 'TEMPORAL_TLS_CA_PATH');
  const crt = readPem(env, 'TEMPORAL_TLS_CERT_PATH');
  const key = readPem(env, 'TEMPORAL_TLS_KEY_PATH');
  if (!crt !== !key) throw new Error('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together (mTLS)');
  const serverName = env.TEMPORAL_TLS_SERVER_NAME || undefined;
  const wantsTls = Boolean(apiKey || ca || crt || serverName);
  const tlsOn = flag === '' ? wantsTls : /^(true|1)$/i.test(flag);
  if (!tlsOn && wantsTls) {
    throw new Error('TEMPORAL_TLS=false contradicts TEMPORAL_API_KEY or a TEMPORAL_TLS_* setting (an API key is only sent over TLS)');
  }
  const tls: TLSConfig | false = tlsOn
    ? {
        ...(serverName ? { serverNameOverride: serverName } : {}),
        ...(ca ? { serverRootCACertificate: ca } : {}),
        ...(crt && key ? { clientCertPair: { crt, key } } : {}),
      }
    : false;
  const namespace = env.TEMPORAL_NAMESPACE || 'default';
  return { address, tls, ...(apiKey ? { apiKey, metadata: { 'temporal-namespace': namespace } } : {}) };
}

export function summarizeTemporalConnection(o: TemporalConnectionOptions): TemporalConnectionSummary {
  return {
    address: o.address,
    tls: o.tls !== false,
    mtls: o.tls !== false && Boolean(o.tls.clientCertPair),
    customCa: o.tls !== false && Boolean(o.tls.serverRootCACertificate),
    apiKey: Boolean(o.apiKey),
  };
}
