// An OAuth 2 app a workspace registered: its client id is its id, its secret is kept as a SHA-256 only.
import { EntitySchema } from '@mikro-orm/core';
import { ts, workspaceRef } from './columns';

export interface OAuthApp {
  id: string;
  /** the workspace that registered it (its mode is the app's) */
  workspace: string;
  name: string;
  redirectUris: string[];
  scopes: string[];
  apiVersion: string;
  secretHash: string;
  secretLast4: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt?: Date | null;
}

export const OAuthAppSchema = new EntitySchema<OAuthApp>({
  name: 'OAuthApp',
  tableName: 'oauth_apps',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    name: { type: 'string' },
    redirectUris: { type: 'string[]', columnType: 'text[]', fieldName: 'redirect_uris' },
    scopes: { type: 'string[]', columnType: 'text[]' },
    apiVersion: { type: 'string' },
    secretHash: { type: 'string' },
    secretLast4: { type: 'string', fieldName: 'secret_last4' },
    createdAt: ts,
    updatedAt: ts,
    deletedAt: { ...ts, nullable: true },
  },
});
