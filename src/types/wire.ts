// The wire types, from openapi.yaml: the TypeScript SDK's generated schema (npm run sdk:generate:typescript) is the
// one copy. Requests and responses are typed by the spec's names, so a shape that drifts from the spec does not compile.
import type { components, operations } from '../../sdks/typescript/src/generated/schema';

/**
 * A schema of the spec's components, by name: `Schema<'Contact'>`, as our code builds it: without `livemode`, which
 * the one response writer (and the webhook payload) adds to every object from the side of the workspace it belongs
 * to (src/livemode.ts).
 */
export type Schema<Name extends keyof components['schemas']> = WithoutLivemode<components['schemas'][Name]>;

type WithoutLivemode<T> = T extends readonly (infer Item)[]
  ? WithoutLivemode<Item>[]
  : T extends object
    ? { [K in keyof T as K extends 'livemode' ? never : K]: WithoutLivemode<T[K]> }
    : T;

/** The operations the spec names, by operationId. */
export type OperationId = keyof operations;

/** An operation's JSON request body as the spec describes it; `Record<string, never>` for one without a JSON body. */
export type RequestBody<Op extends OperationId> =
  NonNullable<operations[Op]['requestBody']> extends { content: { 'application/json': infer Body } } ? Body : Record<string, never>;

/** A scope an API key can carry (the spec's enum). */
export type Scope = Schema<'ApiKey'>['scopes'][number];
