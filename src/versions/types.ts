// The shapes of the API's versions and of the breaking change between two of them (see ./index.ts).

export type Json = Record<string, unknown>;

/** One breaking change between a version and the one before it, written once in both directions. */
export interface VersionChange {
  description: string;
  /** Turns a request body written for the older version into the newer shape, keyed by operationId. */
  requests: Record<string, (body: Json) => Json>;
  /** Turns an object of the newer shape into the older one, keyed by the object's `object` value. */
  resources: Record<string, (obj: Json) => Json>;
  /** Rewrites the OpenAPI document of the newer version into the older one's (schemas and examples), in place. */
  spec: (doc: Json) => void;
}

export interface ApiVersion {
  version: string;
  released: string;
  deprecated?: string;
  sunset?: string;
  /** The change that the next newer version introduced, applied to requests at this version and older. */
  changeToNext?: VersionChange;
}
