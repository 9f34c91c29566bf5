import { createHmac, timingSafeEqual } from 'node:crypto';
import { SabNodeError } from './errors.js';
import type { Event } from './generated/resources.js';

/** What a webhook delivery carries (Standard Webhooks body). */
export interface WebhookEvent {
  id: string;
  type: Event['type'];
  created_at: string;
  sequence: number;
  data: Event['data'];
}

export class WebhookVerificationError extends SabNodeError {
  override name = 'WebhookVerificationError';
}

export interface VerifyOptions {
  /** How far `webhook-timestamp` may be from now, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The current time (default: now); for tests. */
  now?: Date;
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const bag = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(bag).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : bag[key];
  return Array.isArray(value) ? value.join(' ') : value;
}

function keyOf(secret: string): Buffer {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new WebhookVerificationError('the webhook secret is empty or not base64');
  return key;
}

/**
 * Checks a webhook delivery's Standard Webhooks signature and returns its parsed body. Pass the raw body exactly as
 * received (not re-serialised JSON). `secret` may be several secrets (say, the old and the new one during a rotation):
 * the delivery is genuine if any signature in `webhook-signature` matches any of them.
 */
export function verifyWebhook<T = WebhookEvent>(payload: string | Uint8Array, headers: HeaderBag, secret: string | string[], options: VerifyOptions = {}): T {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('missing webhook-id, webhook-timestamp or webhook-signature');
  if (!/^\d+$/.test(timestamp)) throw new WebhookVerificationError('webhook-timestamp is not a Unix time');
  const tolerance = options.toleranceSeconds ?? 300;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(timestamp)) > tolerance) throw new WebhookVerificationError('webhook-timestamp is outside the tolerance');

  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), body]);
  const expected = (Array.isArray(secret) ? secret : [secret]).map((s) => createHmac('sha256', keyOf(s)).update(signed).digest());
  let matched = false;
  for (const entry of signatures.split(' ')) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    const given = Buffer.from(entry.slice(comma + 1), 'base64');
    // compare against every secret without an early exit
    for (const e of expected) if (given.length === e.length && timingSafeEqual(given, e)) matched = true;
  }
  if (!matched) throw new WebhookVerificationError('no webhook-signature matches the secret');
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch {
    throw new WebhookVerificationError('the webhook body is not JSON');
  }
}

/** Signs a payload as SabNode does (for testing a receiver). Returns the three headers. */
export function signWebhook(payload: string, secret: string, id: string, timestamp: Date = new Date()): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const ts = String(Math.floor(timestamp.getTime() / 1000));
  const signature = createHmac('sha256', keyOf(secret)).update(`${id}.${ts}.${payload}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': ts, 'webhook-signature': `v1,${signature}` };
}
