import { sealSecret } from '../secrets/at-rest';
import type { RunCommand, RunCommandOptions } from './commands';
import type { AuthedRequest, HandlerResult } from './context';

/**
 * Runs a command that makes a secret the API process generated here, and shows the secret once. The command gets
 * only `derived` (a key's hash, or the secret sealed for its table), outside the request fingerprint, so the secret
 * is never in clear in Temporal history, the stored idempotent response or a backup. The answer of the request that
 * made it carries the secret in `field`; a replay of the same Idempotency-Key (and a concurrent duplicate that
 * waited for the first) answers `null`: the secret cannot be shown again, only replaced (roll, rotate).
 */
export async function withOneTimeSecret(
  req: AuthedRequest,
  runCommand: RunCommand,
  secret: string,
  field: string,
  derived: Record<string, string>,
  opts: Pick<RunCommandOptions, 'body' | 'fingerprintBody'> & { also?: Record<string, string | null> } = {},
): Promise<HandlerResult> {
  const result = await runCommand(req, { derived, body: opts.body, fingerprintBody: opts.fingerprintBody });
  if (result.status >= 300) return result;
  // only the request whose claim ran the command made this secret; anything replayed was made by another request
  const mine = result.headers?.['Idempotent-Replayed'] !== 'true';
  const also = Object.fromEntries(Object.entries(opts.also ?? {}).map(([k, v]) => [k, mine ? v : null]));
  return { ...result, body: { ...(result.body as Record<string, unknown>), [field]: mine ? secret : null, ...also } };
}

/** The same for a signing secret the tables keep (encrypted): the command stores `derived.sealedSecret`. */
export function withOneTimeSigningSecret(req: AuthedRequest, runCommand: RunCommand, secret: string, field: 'secret' | 'signing_secret'): Promise<HandlerResult> {
  return withOneTimeSecret(req, runCommand, secret, field, { sealedSecret: sealSecret(secret) });
}
