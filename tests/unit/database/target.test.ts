// Which database a process talks to, and how many PostgreSQL connections it opens.
import { describe, expect, test } from 'vitest';
import { poolSizeFrom, resolveDbTarget } from '@/lib/database/target';

describe('resolveDbTarget', () => {
  test('postgres URLs carry the pool size; blank means the default of 10', () => {
    expect(resolveDbTarget('postgresql://u@h/db', '25')).toEqual({
      provider: 'postgres',
      url: 'postgresql://u@h/db',
      poolSize: 25,
    });
    expect(resolveDbTarget('postgres://u@h/db', undefined)).toMatchObject({ poolSize: 10 });
    expect(poolSizeFrom(' ')).toBe(10);
  });

  test('a pool size that is not a whole number from 1 to 1000 is a clear error, not NaN connections', () => {
    for (const bad of ['ten', '0', '2.5', '-3', '5000'])
      expect(() => resolveDbTarget('postgresql://u@h/db', bad)).toThrow(/DATABASE_POOL_SIZE must be a whole number/);
  });

  test('file: URLs are SQLite files; anything else is refused without showing credentials', () => {
    expect(resolveDbTarget('file:./data/x.db', 'ignored')).toMatchObject({ provider: 'sqlite' });
    expect(() => resolveDbTarget('mysql://user:secret@h/db')).toThrow(/got "mysql:\/\/…@h\/db"/);
  });
});
