// Files: metadata of content held in the FileStore.
import { EntitySchema } from '@mikro-orm/core';
import { ts, workspaceRef } from './columns';

export interface FileRecord {
  id: string;
  workspace: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  purpose: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt?: Date | null;
}

export const FileSchema = new EntitySchema<FileRecord>({
  name: 'File',
  tableName: 'files',
  properties: {
    id: { type: 'string', primary: true },
    workspace: workspaceRef,
    filename: { type: 'string' },
    contentType: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
    purpose: { type: 'string', nullable: true },
    version: { type: 'integer' },
    createdAt: ts,
    updatedAt: ts,
    deletedAt: { ...ts, nullable: true },
  },
});
