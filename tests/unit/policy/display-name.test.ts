// §6 Be yourself for display names (issue 13, point 7).
import { describe, expect, test } from 'vitest';
import { impersonationProblem } from '@/lib/policy/display-name';

const rules = { protectedNames: ['Andrew Blake', 'Sam Moderates'], siteName: 'The Ledger', mayUseRoleWords: false };

describe('display names that impersonate are refused under §6', () => {
  test.each([
    ['Andrew Blake', 'a staff author’s name'],
    ['andrew   BLAKE', 'case and spacing'],
    ['Andrew.Blake', 'punctuation'],
    ['AndrewBlake', 'no space'],
    ['Аndrew Blakе', 'Cyrillic look-alikes'],
    ['Andr3w Blake', 'leetspeak'],
    ['The Ledger Moderator', 'the site’s name and a role word'],
    ['TheLedger', 'the site’s name glued'],
    ['Ledger Desk', 'the site’s distinctive word'],
    ['Chief Editor', 'a role word'],
    ['Site Admin', 'admin'],
    ['staff', 'staff alone'],
    ['Guest Author', 'author'],
    ['Official Voice', 'official'],
    ['xModeratorx', 'a role glued to other letters'],
    ['M0derator Jo', 'a role in leetspeak'],
  ])('%s (%s)', (name) => {
    expect(impersonationProblem(name, rules)).toMatch(/^§6 Be yourself: /);
  });

  test.each([
    'Andrew Blakely',
    'Staffordshire Reader',
    'Authority Watcher',
    'Badminton Fan',
    'Jo Bloggs',
    'Creditor 12',
  ])('%s is fine', (name) => {
    expect(impersonationProblem(name, rules)).toBeNull();
  });

  test('staff may name their role, but not take another’s name', () => {
    expect(impersonationProblem('Jo (moderator)', { ...rules, mayUseRoleWords: true })).toBeNull();
    expect(impersonationProblem('Andrew Blake', { ...rules, mayUseRoleWords: true })).not.toBeNull();
  });
});
