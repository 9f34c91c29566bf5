// Signing secrets (webhook endpoints, channels, flows) at rest: AES-256-GCM under SABNODE_ENCRYPTION_KEY.
// Stored form: `enc1:<key id>:<base64url of iv (12 bytes) | tag (16 bytes) | ciphertext>`. The key id is the first
// 8 hex characters of the key's SHA-256, so a rotated key (SABNODE_ENCRYPTION_PREVIOUS_KEYS keeps the old one)
// still opens what it sealed. Values without the prefix are legacy plaintext (written before the migration
// Migration20261202000015_secrets_at_rest, or by a process of the previous release during a rollout): they open as
// they are.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { config } from '../config';

const FORMAT = 'enc1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

const ring = (() => {
  const { current, previous } = config.encryptionKeys;
  const byId = new Map<string, Buffer>();
  for (const key of [...previous, current]) byId.set(keyId(key), key);
  return { currentId: keyId(current), current, byId };
})();

export function isSealed(stored: string): boolean {
  return stored.startsWith(`${FORMAT}:`);
}

/** Encrypts a secret for a table row (or anything else that is stored). */
export function sealSecret(plain: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', ring.current, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${FORMAT}:${ring.currentId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The secret in clear, for signing or verifying: sealed values are decrypted, legacy plaintext is returned as it is. */
export function openSecret(stored: string): string {
  if (!isSealed(stored)) return stored;
  const [, id, data] = stored.split(':');
  const key = ring.byId.get(id);
  // never the value: only which key it needs
  if (!key) throw new Error(`a secret is sealed with key ${id}, which is neither SABNODE_ENCRYPTION_KEY nor one of SABNODE_ENCRYPTION_PREVIOUS_KEYS`);
  const raw = Buffer.from(data ?? '', 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** A stored value sealed under the current key: legacy plaintext and values of an older key are sealed again. */
export function resealSecret(stored: string): string {
  return isSealed(stored) && stored.split(':')[1] === ring.currentId ? stored : sealSecret(openSecret(stored));
}

/**
 * The sealed secret the API process generated for a command (`derived.sealedSecret`): the command stores it as it
 * is, and the API adds the secret in clear to the first answer only.
 */
export function sealedSecretOf(derived: Record<string, string> | undefined): string {
  const sealed = derived?.sealedSecret;
  if (!sealed || !isSealed(sealed)) throw new Error('the command carries no generated secret');
  return sealed;
}
