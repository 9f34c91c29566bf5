// Column options that several entities share.
import { ArrayType, BigIntType, type Platform, type TransformContext } from '@mikro-orm/core';

/**
 * text[] that quotes every element: MikroORM's array type leaves a bare `null` element unquoted, which PostgreSQL
 * reads as NULL (a tag named "null" is a valid tag).
 */
export class TextArrayType extends ArrayType<string> {
  override convertToDatabaseValue(value: string[] | null, platform: Platform, context?: TransformContext): string | null {
    if (!Array.isArray(value)) return super.convertToDatabaseValue(value, platform, context);
    return `{${value.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  }
}

export const ts = { type: 'Date', columnType: 'timestamptz(3)' } as const;
export const workspaceRef = { type: 'string', fieldName: 'workspace_id' } as const;

export const optionalTs = { ...ts, nullable: true };

// amounts are integer minor units; bounded by the spec well inside Number.MAX_SAFE_INTEGER
export const money = { type: new BigIntType('number'), columnType: 'bigint' } as const;
