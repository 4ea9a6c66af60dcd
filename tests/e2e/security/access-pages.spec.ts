// Every page in the access table, requested as every role: allowed roles see the page's data, others are sent
// to sign in or get a 404 (or the invalid-link page) and none of it.
import { expect, test } from '@playwright/test';
import { allows, pageEntries as pages, roles } from '../../support/access-table';
import { testDb } from '../../support/db';
import {
  accountDeletionTokenFor,
  forgedReplyToken,
  replyLinkFor,
  unsubscribeTokenFor,
} from '../../support/email-links';
import { cookieHeader, httpRequest } from '../../support/server-actions';
import { createAccount, createArticle, uniqueSuffix } from '../../support/factories';
import { createActor, type Actor } from '../../support/sessions';
import { currentRulesFields } from './scenarios';

/** Data some page shows to the roles allowed to see it, and that must not reach anyone else. */
const pageWorld = (() => {
  let world: ReturnType<typeof build> | undefined;
  async function build() {
    const db = await testDb();
    const suffix = uniqueSuffix();
    const article = await createArticle(`pages-${suffix}`);
    const writer = await createAccount('visible');
    const hider = await createAccount('secretive');
    const published = await db.comment.create({
      data: { articleId: article.id, userId: writer.id, body: `Published page marker ${suffix}`, status: 'PUBLISHED' },
    });
    await db.comment.update({ where: { id: published.id }, data: { threadId: published.id } });
    const held = await db.comment.create({
      data: { articleId: article.id, userId: hider.id, body: `Held secret ${suffix}`, status: 'PENDING' },
    });
    await db.comment.update({ where: { id: held.id }, data: { threadId: held.id } });
    const logAction = `sec-walk-${suffix}`;
    await db.moderationEvent.create({
      data: { actorType: 'system', action: logAction, note: `Audit secret ${suffix}` },
    });
    const subject = `Outbox secret ${suffix}`;
    // Dated ahead, so mail the walk sends later never pushes it off the outbox's first page.
    await db.outboxMessage.create({
      data: {
        kind: 'test',
        to: 'nobody@security.example',
        subject,
        text: subject,
        html: subject,
        messageId: `<${suffix}@security.example>`,
        status: 'SENT',
        sentAt: new Date(),
        createdAt: new Date(Date.now() + 3_600_000),
      },
    });
    const noticeSecret = `Notice secret ${suffix}`;
    const noticeReference = `N-${suffix.slice(-8).toUpperCase()}`;
    await db.legalNotice.create({
      data: {
        reference: noticeReference,
        commentId: published.id,
        articleId: article.id,
        category: 'privacy',
        explanation: noticeSecret,
        reporterName: 'Page Walker',
        reporterEmail: `walker-${suffix}@security.example`,
      },
    });
    const link = await replyLinkFor(published.id);
    const unsubscriber = await createAccount('unsub-page');
    return {
      article,
      published: published.body,
      publishedId: published.id,
      noticeSecret,
      noticeReference,
      held: held.body,
      heldBy: hider.email,
      hiderId: hider.id,
      logAction,
      auditNote: `Audit secret ${suffix}`,
      subject,
      link,
      forgedReplyPath: `/reply/${published.id}/${forgedReplyToken(published.id, link.authorId)}`,
      unsubscribe: {
        path: `/unsubscribe/${unsubscribeTokenFor({ kind: 'user', id: unsubscriber.id, topic: 'replies' })}`,
        email: unsubscriber.email,
      },
    };
  }
  return () => (world ??= build());
})();

type Probe = { url: string; marker?: string; secret?: string };
const pageProbes: Record<string, (actor: Actor) => Promise<Probe>> = {
  '/': async () => ({ url: '/' }),
  '/policy': async () => ({ url: '/policy', marker: 'Comment policy' }),
  '/transparency': async () => ({ url: '/transparency' }),
  '/notices': async () => ({
    url: `/notices?comment=${(await pageWorld()).publishedId}`,
    marker: (await pageWorld()).published,
  }),
  '/sign-in': async () => ({ url: '/sign-in' }),
  '/sign-in/check-email': async () => ({ url: '/sign-in/check-email?email=someone%40security.example' }),
  '/sign-in/error': async () => ({ url: '/sign-in/error?error=Verification' }),
  '/articles/[slug]': async () => {
    const w = await pageWorld();
    return { url: `/articles/${w.article.slug}`, marker: w.published, secret: w.held };
  },
  '/authors/[slug]': async () => ({ url: '/authors/fixture-writer', marker: 'Fixture Writer' }),
  '/welcome': async () => ({ url: '/welcome?next=%2Fpolicy' }),
  '/profile': async (actor) => ({ url: '/profile', marker: actor.user?.email }),
  '/moderate': async () => {
    const w = await pageWorld();
    return { url: `/moderate?queue=pending&author=${encodeURIComponent(w.heldBy)}`, marker: w.held };
  },
  '/moderate/articles': async () => ({ url: '/moderate/articles', marker: (await pageWorld()).article.headline }),
  // The term lists are confidential (the draft check never returns them): the first banned term is the marker.
  '/moderate/rules': async () => ({
    url: '/moderate/rules',
    marker: String((await currentRulesFields()).bannedTerms).split('\n')[0],
  }),
  '/moderate/presets': async () => ({ url: '/moderate/presets', marker: 'Pre-moderate for the first N hours' }),
  '/moderate/people': async () => {
    const w = await pageWorld();
    return { url: `/moderate/people?q=${encodeURIComponent(w.heldBy.toUpperCase())}`, marker: w.heldBy };
  },
  '/moderate/people/[id]': async () => {
    const w = await pageWorld();
    return { url: `/moderate/people/${w.hiderId}`, marker: w.held };
  },
  '/moderate/notices': async () => {
    const w = await pageWorld();
    return { url: `/moderate/notices?q=${w.noticeReference}`, marker: w.noticeSecret };
  },
  '/moderate/log': async () => {
    const w = await pageWorld();
    return { url: `/moderate/log?action=${w.logAction}`, marker: w.auditNote };
  },
  '/moderate/outbox': async () => ({ url: '/moderate/outbox?status=SENT', marker: (await pageWorld()).subject }),
  '/dev/mailbox': async () => ({ url: '/dev/mailbox', marker: (await pageWorld()).subject }),
  '/reply/[commentId]/[token]': async (actor) => {
    const w = await pageWorld();
    return { url: actor.role === 'reply-link' ? w.link.path : w.forgedReplyPath, marker: w.published };
  },
  '/delete-account/[token]': async () => {
    const leaving = await createAccount('leaving');
    return { url: `/delete-account/${accountDeletionTokenFor(leaving.id)}`, marker: leaving.email };
  },
  '/account-deleted': async () => ({ url: '/account-deleted', marker: 'Your account was deleted' }),
  '/unsubscribe/[token]': async () => {
    const w = await pageWorld();
    return { url: w.unsubscribe.path, marker: w.unsubscribe.email };
  },
};

for (const entry of pages) {
  test.describe(`page ${entry.path}`, () => {
    for (const role of roles) {
      const allowed = allows(entry, role);
      test(`${role}: ${allowed ? 'allowed' : `refused (${entry.denied})`}`, async () => {
        const probe = pageProbes[entry.path];
        expect(probe, 'a probe in pageProbes').toBeTruthy();
        const actor = await createActor(role);
        const { url, marker, secret } = await probe!(actor);
        const response = await httpRequest('GET', url, { headers: cookieHeader(actor.sessionToken) });
        const location = String(response.headers.location ?? '');
        expect(response.status, `GET ${url}`).toBeLessThan(500);
        if (secret) expect(response.text, 'data no role may see here').not.toContain(secret);
        if (allowed) {
          // A page may send an allowed visitor on (the welcome page, once named), never to sign in.
          if (response.status >= 300 && response.status < 400) expect(location).not.toContain('/sign-in');
          else {
            expect(response.status).toBe(200);
            if (marker) expect(response.text).toContain(marker);
          }
          return;
        }
        if (marker) expect(response.text, 'no data for a refused visitor').not.toContain(marker);
        if (entry.denied === 'not-found') expect(response.status).toBe(404);
        if (entry.denied === 'sign-in') {
          expect([303, 307, 308]).toContain(response.status);
          expect(location).toContain('/sign-in');
        }
        if (entry.denied === 'invalid-link') {
          // The friendly page, with an honest status: 404 for a link that never worked, 410 for a used or expired one.
          expect([404, 410]).toContain(response.status);
          expect(response.text).toMatch(/cannot be used|not valid/);
        }
      });
    }
  });
}
