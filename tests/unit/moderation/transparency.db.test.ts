// The transparency report against a real database and a known mix of decisions made through the app's
// own paths (submitComment, decideComment): every figure on /transparency must equal a count made
// directly from the decision records (each comment's stored reasons and the moderators' audit entries).
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '@/lib/db';
import type { Viewer } from '@/lib/auth/permissions';
import { useTempDatabase } from '../../support/temp-db';

let db: Db;
const day = 86_400_000;

beforeAll(async () => {
  db = await useTempDatabase();
}, 120_000);

async function account(label: string, options: { trusted?: boolean; role?: Viewer['role'] } = {}): Promise<Viewer> {
  const user = await db.user.create({
    data: {
      email: `${label}@readers.test`,
      displayName: label,
      role: options.role ?? 'READER',
      createdAt: new Date(Date.now() - (options.trusted ? 400 : 0) * day),
    },
  });
  if (options.trusted) {
    const article = await db.article.findFirstOrThrow();
    const id = crypto.randomUUID();
    await db.comment.create({
      data: {
        id,
        threadId: id,
        articleId: article.id,
        userId: user.id,
        body: `Earlier comment by ${label}.`,
        status: 'PUBLISHED',
        createdAt: new Date(Date.now() - 30 * day),
      },
    });
  }
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    suspendedUntil: null,
    bannedAt: null,
    premoderated: false,
    createdAt: user.createdAt,
  };
}

describe('transparency figures', () => {
  test('per-clause figures on /transparency equal a direct count of the decision records', async () => {
    const { submitComment } = await import('@/lib/comments/submit-comment');
    const { decideComment } = await import('@/lib/moderation/decide');
    const author = await db.author.create({
      data: { email: 'desk@ledger.test', name: 'Desk Writer', slug: 'desk-writer', notifyOnComments: false },
    });
    const article = await db.article.create({
      data: { slug: 'mix', headline: 'A story', body: 'Text.', publishedAt: new Date(), authorId: author.id },
    });
    const moderator = await account('moderator', { trusted: true, role: 'MODERATOR' });
    let key = 0;
    // What each writer was told when posting: the clauses of the automatic decision (a later release clears
    // a comment's stored reasons, so the hand count keeps them from here).
    const statedAtPosting = new Map<string, Set<string>>();
    const post = async (viewer: Viewer, body: string) => {
      const result = await submitComment({ viewer, articleId: article.id, body, idempotencyKey: `k${key++}` });
      if (!result.ok) throw new Error(result.message);
      statedAtPosting.set(result.commentId, new Set(result.reasons.map((reason) => reason.clause)));
      return result;
    };

    // A threat from a new account: held under §2 (threat) and §9 (new account), both counted.
    const threat = await post(await account('newcomer-a'), 'Keep writing this and we know where you live.');
    expect(threat.status).toBe('PENDING');
    expect(new Set(threat.reasons.map((r) => r.clause))).toEqual(new Set(['hate-and-threats', 'moderation']));
    // A plain first comment from another new account: held under §9, then approved (not a rejection).
    const newcomer = await account('newcomer-b');
    const first = await post(newcomer, 'The council should publish the library budget in full.');
    expect(first.status).toBe('PENDING');
    // Their second comment, posted before the first is decided, is held for the same reason only, and is
    // released (published by the system, not by a person) when the first is approved.
    const second = await post(newcomer, 'And the opening hours for every branch, please.');
    expect(second.status).toBe('PENDING');
    // A trusted reader: an email and a phone number (one §5 hold, counted once), profanity (an automatic §8
    // rejection), an insult (held under §1) and a clean comment (published).
    const trusted = await account('regular', { trusted: true });
    const contact = await post(trusted, 'Write to clerk@council.example or call 555-123-4567 to object.');
    const profane = await post(trusted, 'This decision is utter bullshit from start to finish.');
    const insult = await post(trusted, 'Only an idiot would cut the Sunday hours again.');
    const clean = await post(trusted, 'Good to see the hours restored at last.');
    expect([contact.status, profane.status, insult.status, clean.status]).toEqual([
      'PENDING',
      'REJECTED',
      'PENDING',
      'PUBLISHED',
    ]);

    // Moderators: reject the threat under §2, approve the first comment, reject the insult under §1.
    const version = async (id: string) => (await db.comment.findUniqueOrThrow({ where: { id } })).version;
    expect(
      (
        await decideComment(moderator, threat.commentId, await version(threat.commentId), {
          kind: 'reject',
          clause: 'hate-and-threats',
        })
      ).ok,
    ).toBe(true);
    expect(
      (await decideComment(moderator, first.commentId, await version(first.commentId), { kind: 'approve' })).ok,
    ).toBe(true);
    expect(
      (
        await decideComment(moderator, insult.commentId, await version(insult.commentId), {
          kind: 'reject',
          clause: 'civility',
          note: 'Name-calling.',
        })
      ).ok,
    ).toBe(true);

    // The direct count: automatic figures from the reasons each writer was given and the automatic audit entry,
    // moderator figures from the moderators' audit entries.
    const expected = new Map<string, { held: number; rejected: number; moderator: number }>();
    const bump = (clause: string, field: 'held' | 'rejected' | 'moderator') => {
      const row = expected.get(clause) ?? { held: 0, rejected: 0, moderator: 0 };
      row[field]++;
      expected.set(clause, row);
    };
    const automatic = await db.moderationEvent.findMany({
      where: { actorType: 'rule', action: { in: ['auto-hold', 'auto-reject'] } },
    });
    for (const event of automatic) {
      for (const clause of statedAtPosting.get(event.commentId!)!)
        bump(clause, event.action === 'auto-hold' ? 'held' : 'rejected');
    }
    for (const event of await db.moderationEvent.findMany({ where: { actorType: 'moderator', action: 'reject' } }))
      bump(event.clause!, 'moderator');
    expect(Object.fromEntries(expected)).toEqual({
      'hate-and-threats': { held: 1, rejected: 0, moderator: 1 },
      moderation: { held: 3, rejected: 0, moderator: 0 },
      privacy: { held: 1, rejected: 0, moderator: 0 },
      language: { held: 0, rejected: 1, moderator: 0 },
      civility: { held: 1, rejected: 0, moderator: 1 },
    });

    const { buildTransparencyReport } = await import('@/lib/data/transparency');
    const report = await buildTransparencyReport(new Date(), false);
    expect((await db.comment.findUniqueOrThrow({ where: { id: second.commentId } })).status).toBe('PUBLISHED');
    expect(report.automaticHolds).toBe(5);
    expect(report.automaticRejections).toBe(1);
    expect(report.moderator).toEqual({ approvals: 1, rejections: 2, redactions: 0, appealDecisions: 0 });
    // Of the five held comments, one was approved, one released and two rejected; the §5 one still waits.
    expect(report.heldOutcomes).toEqual({ approved: 1, redacted: 0, released: 1, rejected: 2, undecided: 1 });
    expect(report.weeks.at(-1)).toMatchObject({ automaticHolds: 5, automaticRejections: 1, moderatorDecisions: 3 });

    // What the page shows, row by row.
    const { default: TransparencyPage } = await import('@/app/(reader)/transparency/page');
    const html = renderToStaticMarkup(await TransparencyPage());
    const shown = new Map<string, { held: number; rejected: number; moderator: number }>();
    for (const match of html.matchAll(
      /<tr data-clause="([a-z-]+)">.*?<\/th><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><\/tr>/g,
    ))
      shown.set(match[1]!, { held: Number(match[2]), rejected: Number(match[3]), moderator: Number(match[4]) });
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
    // The charts are drawn on the server: SVG images with a text alternative, no script.
    expect(html.match(/<svg role="img"/g)?.length).toBe(4);
    expect(html).toContain(
      '§2 No hate speech or threats: 1 held and 0 rejected automatically, 1 rejected by moderators',
    );
    expect(html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')).toContain(
      '1 approved by a moderator · 0 published by a moderator with part removed · 2 rejected by a moderator · 1 published when the reason for the hold ended',
    );
    expect(html).not.toContain('<script');
  }, 60_000);

  test('the report and the audit log name the story preset behind an automatic hold (issue 18)', async () => {
    const { submitComment } = await import('@/lib/comments/submit-comment');
    const author = await db.author.findFirstOrThrow();
    const court = await db.article.create({
      data: {
        slug: 'court-report',
        headline: 'A trial opens',
        body: 'Text.',
        publishedAt: new Date(),
        authorId: author.id,
        section: 'Courts',
      },
    });
    const reader = await account('court-reader', { trusted: true });
    const result = await submitComment({
      viewer: reader,
      articleId: court.id,
      body: 'I hope the jury gets this right.',
      idempotencyKey: 'court-1',
    });
    expect(result).toMatchObject({ ok: true, status: 'PENDING' });
    const event = await db.moderationEvent.findFirstOrThrow({
      where: { commentId: result.ok ? result.commentId : '', action: 'auto-hold' },
    });
    expect(event.note).toContain('(preset “Court reports” (section Courts))');
    const { buildTransparencyReport } = await import('@/lib/data/transparency');
    const report = await buildTransparencyReport(new Date(), false);
    expect(report.byPreset).toEqual([{ preset: 'Court reports', holds: 1, rejections: 0 }]);
  }, 60_000);
});
