/**
 * PostgreSQL cannot store U+0000 in text or jsonb, so a JSON body carrying it (in a value or a key) is refused at
 * the door as bad input rather than failing later as a database error.
 */
export function pointerToNul(value: unknown, pointer = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? pointer || '/' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pointerToNul(value[i], `${pointer}/${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (k.includes('\u0000')) return at;
      const found = pointerToNul(v, at);
      if (found) return found;
    }
  }
  return null;
}
