// readForm, the preamble of every form action: the guard, zod, and the echo of what was typed.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { readForm } from '@/lib/actions/form-action';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};
const schema = z.object({ note: z.string().min(3, 'Too short.'), selected: z.array(z.string()).min(1) });
const read = (data: FormData) => ({ note: data.get('note'), selected: data.getAll('selected') });

describe('readForm', () => {
  test('a refused form echoes every field asked for, ticked boxes joined by spaces', async () => {
    const result = await readForm(
      form([
        ['note', 'x'],
        ['selected', 'a:1'],
        ['selected', 'b:2'],
      ]),
      {
        schema,
        read,
        echo: ['note', 'selected'],
        message: 'Please fix it.',
      },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.state).toEqual({
      status: 'invalid',
      fieldErrors: { note: ['Too short.'] },
      message: 'Please fix it.',
      values: { note: 'x', selected: 'a:1 b:2' },
    });
  });

  test('a caller the guard refuses gets its message, with the echo', async () => {
    const result = await readForm(form([['note', 'hello']]), {
      schema,
      read,
      echo: ['note'],
      guard: { actor: async () => null, refused: 'Sign in first.' },
    });
    expect(!result.ok && result.reason).toBe('refused');
    expect(!result.ok && result.state).toMatchObject({ message: 'Sign in first.', values: { note: 'hello' } });
  });

  test('a valid form gives the parsed data and the actor; anything but a form is refused', async () => {
    const spec = { schema, read, guard: { actor: async () => ({ id: 'u1' }), refused: 'no' } };
    const ok = await readForm(
      form([
        ['note', 'hello'],
        ['selected', 'a:1'],
      ]),
      spec,
    );
    expect(ok).toMatchObject({ ok: true, data: { note: 'hello', selected: ['a:1'] }, actor: { id: 'u1' } });
    expect((await readForm({ note: 'hello', selected: ['a:1'] }, spec)).ok).toBe(false);
  });
});
