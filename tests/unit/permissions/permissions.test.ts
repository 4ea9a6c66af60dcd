// Every predicate in lib/auth/permissions.ts, for every role: the pure half of the access rules.
import { describe, expect, test } from 'vitest';
import {
  canComment,
  canDecideAppeal,
  canDecideComment,
  canDeleteComment,
  canEditComment,
  canModerate,
  commentBlock,
  isAdmin,
  isStaff,
  type Viewer,
} from '@/lib/auth/permissions';

const now = new Date('2026-11-27T12:00:00Z');
const person = (id: string, role: Viewer['role'], extra: Partial<Viewer> = {}): Viewer => ({
  id,
  email: `${id}@example.com`,
  displayName: id,
  role,
  suspendedUntil: null,
  bannedAt: null,
  premoderated: false,
  createdAt: new Date('2026-01-01'),
  ...extra,
});
const reader = person('reader', 'READER');
const moderator = person('mod', 'MODERATOR');
const otherModerator = person('mod2', 'MODERATOR');
const admin = person('admin', 'ADMIN');

describe('roles', () => {
  test('staff, moderators and admins', () => {
    expect([reader, moderator, admin].map(isStaff)).toEqual([false, true, true]);
    expect([reader, moderator, admin].map(canModerate)).toEqual([false, true, true]);
    expect([reader, moderator, admin].map(isAdmin)).toEqual([false, false, true]);
  });
});

describe('commenting', () => {
  test('banned, suspended and nameless accounts cannot comment, each told why', () => {
    expect(commentBlock(reader, now)).toBeNull();
    expect(canComment(reader, now)).toBe(true);
    expect(commentBlock(person('b', 'READER', { bannedAt: now }), now)).toMatch(/banned/);
    expect(commentBlock(person('s', 'READER', { suspendedUntil: new Date(now.getTime() + 1000) }), now)).toMatch(
      /suspended/,
    );
    expect(canComment(person('s', 'READER', { suspendedUntil: new Date(now.getTime() - 1000) }), now)).toBe(true);
    expect(commentBlock(person('n', 'READER', { displayName: null }), now)).toMatch(/display name/);
  });

  test('editing: own, not deleted or rejected, within the window, while allowed to comment', () => {
    const own = { userId: reader.id, status: 'PUBLISHED', createdAt: new Date(now.getTime() - 60_000) };
    expect(canEditComment(reader, own, now, 300)).toBe(true);
    expect(canEditComment(reader, { ...own, createdAt: new Date(now.getTime() - 301_000) }, now, 300)).toBe(false);
    expect(canEditComment(moderator, own, now, 300)).toBe(false);
    expect(canEditComment(reader, { ...own, status: 'DELETED' }, now, 300)).toBe(false);
    expect(canEditComment(person(reader.id, 'READER', { bannedAt: now }), own, now, 300)).toBe(false);
  });

  test('deleting: the writer or staff, once', () => {
    const own = { userId: reader.id, status: 'PUBLISHED' };
    expect(canDeleteComment(reader, own)).toBe(true);
    expect(canDeleteComment(person('other', 'READER'), own)).toBe(false);
    expect(canDeleteComment(moderator, own)).toBe(true);
    expect(canDeleteComment(reader, { ...own, status: 'DELETED' })).toBe(false);
  });
});

describe('staff never decide their own comments (issue 12.7)', () => {
  test('approving, rejecting or featuring: others’ comments only, and only staff', () => {
    expect(canDecideComment(moderator, { userId: reader.id })).toBe(true);
    expect(canDecideComment(admin, { userId: moderator.id })).toBe(true);
    expect(canDecideComment(moderator, { userId: moderator.id })).toBe(false);
    expect(canDecideComment(admin, { userId: admin.id })).toBe(false);
    expect(canDecideComment(reader, { userId: 'someone' })).toBe(false);
    // An author's reply (no reader account) can be decided by any moderator.
    expect(canDecideComment(moderator, { userId: null })).toBe(true);
  });

  test('appeals: neither the writer nor the moderator who made the decision', () => {
    expect(canDecideAppeal(otherModerator, { userId: reader.id, decidedById: moderator.id })).toBe(true);
    expect(canDecideAppeal(moderator, { userId: reader.id, decidedById: moderator.id })).toBe(false);
    expect(canDecideAppeal(moderator, { userId: moderator.id, decidedById: otherModerator.id })).toBe(false);
    expect(canDecideAppeal(reader, { userId: 'someone', decidedById: moderator.id })).toBe(false);
  });
});
