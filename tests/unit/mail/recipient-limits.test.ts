import { describe, expect, test } from 'vitest';
import { allowMail } from '@/lib/mail/recipient-limits';

describe('emails per recipient (issue 12.4)', () => {
  test('three sign-in links per address per quarter hour, then a wait; other addresses unaffected', async () => {
    const address = `Flood-${Date.now()}@example.com`;
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await allowMail('sign-in', address));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false, false]);
    const refused = answers[3]!;
    expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(800);
    // The same address however it is typed.
    expect((await allowMail('sign-in', `  ${address.toUpperCase()} `)).allowed).toBe(false);
    expect((await allowMail('sign-in', `other-${address}`)).allowed).toBe(true);
  });

  test('fresh reply links are counted per author', async () => {
    const author = `author-${Date.now()}`;
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push((await allowMail('fresh-reply-link', author)).allowed);
    expect(answers.filter(Boolean)).toHaveLength(10);
    expect(answers.at(-1)).toBe(false);
  });
});
