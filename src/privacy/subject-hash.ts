import { createHmac } from 'node:crypto';
import { config } from '../config';
import { normaliseEmail, normalisePhone } from '../identifiers';
import type { PurgeSubject } from './types';

// A purge keeps only keyed hashes of the identifiers it removed: HMAC-SHA256 under a per-workspace key derived from
// PURGE_HASH_SECRET. Without the secret a phone number cannot be brute-forced from its
// hash; with it, a later purge or a restored backup recognises the same person.
function workspaceKey(workspaceId: string): Buffer {
  return createHmac('sha256', config.purges.hashSecret).update(`privacy-purge-salt:${workspaceId}`).digest();
}

/**
 * Names the hash key without revealing it: each purge records the fingerprint of the key it was made with, and a
 * restore (or a backup rewrite) refuses to match subjects under another key, which would silently find no one.
 */
export function hashKeyFingerprint(secret: string = config.purges.hashSecret): string {
  return createHmac('sha256', secret).update('sabnode-purge-hash-key-fingerprint/1').digest('hex').slice(0, 32);
}

export type IdentifierKind = 'contact_id' | 'phone' | 'email';

// hashed in the form contacts store them, so a subject named in another format is the same subject
export const normaliseIdentifier = (kind: IdentifierKind, value: string): string =>
  kind === 'email' ? normaliseEmail(value) : kind === 'phone' ? normalisePhone(value) : value.trim();

export function identifierHash(workspaceId: string, kind: IdentifierKind, value: string): string {
  return createHmac('sha256', workspaceKey(workspaceId)).update(`${kind}:${normaliseIdentifier(kind, value)}`).digest('hex');
}

export function subjectHashes(subject: PurgeSubject): string[] {
  const ws = subject.workspaceId;
  return [
    ...new Set([
      ...subject.contactIds.map((v) => identifierHash(ws, 'contact_id', v)),
      ...subject.phones.map((v) => identifierHash(ws, 'phone', v)),
      ...subject.emails.map((v) => identifierHash(ws, 'email', v)),
    ]),
  ].sort();
}

/**
 * A purge request's body as it is kept: the identifier replaced by its keyed hash. The idempotency fingerprint is
 * computed on this form, so the stored request can lose the raw identifier and a retry still matches it.
 */
export function sealedPurgeRequest(workspaceId: string, body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kind of ['contact_id', 'phone', 'email'] as const) {
    const v = body[kind];
    if (typeof v === 'string') out[kind] = `hmac-sha256:${identifierHash(workspaceId, kind, v)}`;
  }
  return out;
}
