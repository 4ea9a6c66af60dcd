// Every predicate in lib/auth/permissions.ts, for every role and standing (reader, moderator, admin; suspended,
// banned, nameless), and for the object-level cases: own and others' comments, an author's reply (no reader
// account), appeals by the moderator who decided, staff acting on themselves.
import { describe, expect, test } from 'vitest';
import {
  accountMeasureBlock,
  canApplyAccountMeasure,
  canAppealComment,
  canComment,
  canDecideAppeal,
  canDecideComment,
  canDeleteComment,
  canEditComment,
  canModerate,
  canReactToComment,
  canReport,
  canReportComment,
  canResubmitComment,
  commentBlock,
  isAdmin,
  isStaff,
  ownsComment,
  type Viewer,
} from '@/lib/auth/permissions';

const now = new Date('2026-11-27T12:00:00Z');
const later = new Date(now.getTime() + 86_400_000);
const earlier = new Date(now.getTime() - 86_400_000);
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
const otherReader = person('other', 'READER');
const moderator = person('mod', 'MODERATOR');
const otherModerator = person('mod2', 'MODERATOR');
const admin = person('admin', 'ADMIN');
const otherAdmin = person('admin2', 'ADMIN');
const suspended = person('suspended', 'READER', { suspendedUntil: later });
const suspensionOver = person('was-suspended', 'READER', { suspendedUntil: earlier });
const banned = person('banned', 'READER', { bannedAt: earlier });
const nameless = person('nameless', 'READER', { displayName: null });
const suspendedModerator = person('suspended-mod', 'MODERATOR', { suspendedUntil: later });

// Each standing with the answer every role-only predicate must give.
const standings = [
  { name: 'reader', viewer: reader, staff: false, admin: false, comments: true },
  { name: 'moderator', viewer: moderator, staff: true, admin: false, comments: true },
  { name: 'admin', viewer: admin, staff: true, admin: true, comments: true },
  { name: 'suspended reader', viewer: suspended, staff: false, admin: false, comments: false },
  { name: 'reader whose suspension ended', viewer: suspensionOver, staff: false, admin: false, comments: true },
  { name: 'banned reader', viewer: banned, staff: false, admin: false, comments: false },
  { name: 'reader without a display name', viewer: nameless, staff: false, admin: false, comments: false },
  { name: 'suspended moderator', viewer: suspendedModerator, staff: true, admin: false, comments: false },
];

describe.each(standings)('$name', ({ viewer, staff, admin: isAdministrator, comments }) => {
  test(`isStaff and canModerate: ${staff}; isAdmin: ${isAdministrator}`, () => {
    expect(isStaff(viewer)).toBe(staff);
    expect(canModerate(viewer)).toBe(staff);
    expect(isAdmin(viewer)).toBe(isAdministrator);
  });

  test(`canComment: ${comments}, and commentBlock says why not`, () => {
    expect(canComment(viewer, now)).toBe(comments);
    expect(commentBlock(viewer, now) === null).toBe(comments);
  });

  test('own comment: edit within the window, resubmit a rejection, delete, appeal; never react to or report it', () => {
    const own = { userId: viewer.id, status: 'PUBLISHED', createdAt: new Date(now.getTime() - 60_000) };
    expect(ownsComment(viewer, own)).toBe(true);
    expect(canEditComment(viewer, own, now, 300)).toBe(comments);
    expect(canResubmitComment(viewer, { ...own, status: 'REJECTED', appealOpen: false }, now)).toBe(comments);
    expect(canDeleteComment(viewer, own)).toBe(true);
    expect(canAppealComment(viewer, { ...own, status: 'REJECTED' })).toBe(true);
    expect(canReactToComment(viewer, own, now)).toBe(false);
    expect(canReportComment(viewer, own)).toBe(false);
    expect(canDecideComment(viewer, own)).toBe(false);
  });

  test("someone else's comment: no editing, resubmitting or appealing; deleting and deciding only as staff", () => {
    const theirs = { userId: 'someone-else', status: 'PUBLISHED', createdAt: new Date(now.getTime() - 60_000) };
    expect(ownsComment(viewer, theirs)).toBe(false);
    expect(canEditComment(viewer, theirs, now, 300)).toBe(false);
    expect(canResubmitComment(viewer, { ...theirs, status: 'REJECTED', appealOpen: false }, now)).toBe(false);
    expect(canAppealComment(viewer, { ...theirs, status: 'REJECTED' })).toBe(false);
    expect(canDeleteComment(viewer, theirs)).toBe(staff);
    expect(canDecideComment(viewer, theirs)).toBe(staff);
    expect(canReactToComment(viewer, theirs, now)).toBe(comments);
    expect(canReportComment(viewer, theirs)).toBe(viewer !== banned);
  });

  test('reporting: everyone but a banned account (a suspension stops writing, not flagging)', () => {
    expect(canReport(viewer)).toBe(viewer !== banned);
  });
});

describe('comment blocks, each told why', () => {
  test('banned, suspended and nameless accounts', () => {
    expect(commentBlock(banned, now)).toMatch(/banned/);
    expect(commentBlock(suspended, now)).toMatch(/suspended from commenting until/);
    expect(commentBlock(nameless, now)).toMatch(/display name/);
    // A ban outranks a suspension in what the reader is told.
    expect(commentBlock(person('both', 'READER', { bannedAt: earlier, suspendedUntil: later }), now)).toMatch(/banned/);
  });

  test('a suspension ends at its instant', () => {
    expect(canComment(person('edge', 'READER', { suspendedUntil: now }), now)).toBe(true);
  });
});

describe('editing and resubmitting own comments', () => {
  const own = { userId: reader.id, status: 'PUBLISHED', createdAt: new Date(now.getTime() - 60_000) };
  test('only within the edit window, and not once deleted or rejected', () => {
    expect(canEditComment(reader, own, now, 300)).toBe(true);
    expect(canEditComment(reader, { ...own, createdAt: new Date(now.getTime() - 300_000) }, now, 300)).toBe(true);
    expect(canEditComment(reader, { ...own, createdAt: new Date(now.getTime() - 301_000) }, now, 300)).toBe(false);
    expect(canEditComment(reader, { ...own, status: 'DELETED' }, now, 300)).toBe(false);
    expect(canEditComment(reader, { ...own, status: 'REJECTED' }, now, 300)).toBe(false);
    expect(canEditComment(reader, { ...own, status: 'PENDING' }, now, 300)).toBe(true);
  });

  test('a rejected comment is resubmitted only while no appeal is open', () => {
    const rejected = { userId: reader.id, status: 'REJECTED', appealOpen: false };
    expect(canResubmitComment(reader, rejected, now)).toBe(true);
    expect(canResubmitComment(reader, { ...rejected, appealOpen: true }, now)).toBe(false);
    expect(canResubmitComment(reader, { ...rejected, status: 'PUBLISHED' }, now)).toBe(false);
    expect(canResubmitComment(reader, { ...rejected, status: 'PENDING' }, now)).toBe(false);
  });
});

describe('deleting', () => {
  test('the writer or staff, once', () => {
    const own = { userId: reader.id, status: 'PUBLISHED' };
    expect(canDeleteComment(reader, own)).toBe(true);
    expect(canDeleteComment(otherReader, own)).toBe(false);
    expect(canDeleteComment(moderator, own)).toBe(true);
    expect(canDeleteComment(admin, own)).toBe(true);
    expect(canDeleteComment(reader, { ...own, status: 'DELETED' })).toBe(false);
    expect(canDeleteComment(moderator, { ...own, status: 'DELETED' })).toBe(false);
  });

  test("a banned or suspended writer may still delete their own comment, not someone else's", () => {
    expect(canDeleteComment(banned, { userId: banned.id, status: 'PUBLISHED' })).toBe(true);
    expect(canDeleteComment(suspended, { userId: suspended.id, status: 'REJECTED' })).toBe(true);
    expect(canDeleteComment(banned, { userId: reader.id, status: 'PUBLISHED' })).toBe(false);
  });
});

describe("an author's reply (no reader account)", () => {
  const reply = { userId: null, status: 'PUBLISHED', createdAt: now };
  test('is nobody’s own: readers may react to and report it; any moderator may decide or delete it', () => {
    expect(ownsComment(reader, reply)).toBe(false);
    expect(canEditComment(reader, reply, now, 300)).toBe(false);
    expect(canDeleteComment(reader, reply)).toBe(false);
    expect(canReactToComment(reader, reply, now)).toBe(true);
    expect(canReportComment(reader, reply)).toBe(true);
    expect(canDecideComment(moderator, reply)).toBe(true);
    expect(canDeleteComment(moderator, reply)).toBe(true);
  });
});

describe('appeals', () => {
  test('filed by the writer, against a rejection only', () => {
    expect(canAppealComment(reader, { userId: reader.id, status: 'REJECTED' })).toBe(true);
    expect(canAppealComment(reader, { userId: reader.id, status: 'PUBLISHED' })).toBe(false);
    expect(canAppealComment(reader, { userId: reader.id, status: 'PENDING' })).toBe(false);
    expect(canAppealComment(moderator, { userId: reader.id, status: 'REJECTED' })).toBe(false);
  });

  test('decided by neither the writer nor the moderator who made the decision', () => {
    expect(canDecideAppeal(otherModerator, { userId: reader.id, decidedById: moderator.id })).toBe(true);
    expect(canDecideAppeal(admin, { userId: reader.id, decidedById: moderator.id })).toBe(true);
    expect(canDecideAppeal(moderator, { userId: reader.id, decidedById: moderator.id })).toBe(false);
    expect(canDecideAppeal(admin, { userId: reader.id, decidedById: admin.id })).toBe(false);
    expect(canDecideAppeal(moderator, { userId: moderator.id, decidedById: otherModerator.id })).toBe(false);
    expect(canDecideAppeal(reader, { userId: 'someone', decidedById: moderator.id })).toBe(false);
    // A rejection by the automatic checks: any other moderator.
    expect(canDecideAppeal(moderator, { userId: reader.id, decidedById: null })).toBe(true);
  });
});

describe('staff never decide their own comments (issue 12.7)', () => {
  test('approving, rejecting or featuring: others’ comments only, and only staff', () => {
    expect(canDecideComment(moderator, { userId: reader.id })).toBe(true);
    expect(canDecideComment(admin, { userId: moderator.id })).toBe(true);
    expect(canDecideComment(moderator, { userId: otherModerator.id })).toBe(true);
    expect(canDecideComment(moderator, { userId: moderator.id })).toBe(false);
    expect(canDecideComment(admin, { userId: admin.id })).toBe(false);
    expect(canDecideComment(reader, { userId: 'someone' })).toBe(false);
  });
});

describe('measures on accounts (suspend, ban, pre-moderate)', () => {
  const cases = [
    { actor: moderator, account: reader, expected: null },
    { actor: admin, account: reader, expected: null },
    { actor: admin, account: moderator, expected: null },
    { actor: admin, account: otherAdmin, expected: null },
    { actor: moderator, account: otherModerator, expected: /Only an admin/ },
    { actor: moderator, account: admin, expected: /Only an admin/ },
    { actor: moderator, account: moderator, expected: /Only an admin/ },
    { actor: admin, account: admin, expected: /your own account/ },
    { actor: reader, account: otherReader, expected: /Only moderators/ },
    { actor: reader, account: reader, expected: /Only moderators/ },
  ];
  test.each(cases)('$actor.id on $account.id', ({ actor, account, expected }) => {
    const block = accountMeasureBlock(actor, account);
    if (expected === null) expect(block).toBeNull();
    else expect(block).toMatch(expected);
    expect(canApplyAccountMeasure(actor, account)).toBe(expected === null);
  });
});
