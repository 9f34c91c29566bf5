// The wire types, from openapi.yaml: the TypeScript SDK's generated schema (npm run sdk:generate:typescript) is the
// one copy. Requests and responses are typed by the spec's names, so a shape that drifts from the spec does not compile.
import type { components, operations } from '../../sdks/typescript/src/generated/schema';

/** A schema of the spec's components, by name: `Schema<'Contact'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The operations the spec names, by operationId. */
export type OperationId = keyof operations;

/** An operation's JSON request body as the spec describes it; `Record<string, never>` for one without a JSON body. */
export type RequestBody<Op extends OperationId> =
  NonNullable<operations[Op]['requestBody']> extends { content: { 'application/json': infer Body } } ? Body : Record<string, never>;

/** A scope an API key can carry (the spec's enum). */
export type Scope = Schema<'ApiKey'>['scopes'][number];
