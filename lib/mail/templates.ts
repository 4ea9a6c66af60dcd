// Email bodies: every message has a plain-text and an HTML part built from the same content. One file for every
// email (longer than our ~250 lines for that reason), so their wording is read and kept consistent in one place.
import { site } from '../site/identity';
import type { Mail } from './outbox';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

type Block = { paragraph: string } | { quote: string } | { button: { label: string; url: string } } | { small: string };

/** Renders blocks to both parts; user-supplied text is escaped in HTML and left as text in the text part. */
export function composeMail(
  kind: string,
  to: string,
  subject: string,
  blocks: Block[],
  headers?: Record<string, string>,
): Mail {
  const text = blocks
    .map((block) => {
      if ('paragraph' in block) return block.paragraph;
      if ('quote' in block)
        return block.quote
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n');
      if ('button' in block) return `${block.button.label}:\n${block.button.url}`;
      return block.small;
    })
    .join('\n\n');
  const html = blocks
    .map((block) => {
      if ('paragraph' in block) return `<p style="margin:0 0 16px">${escapeHtml(block.paragraph)}</p>`;
      if ('quote' in block)
        return `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:3px solid #c8c2b4;color:#333">${escapeHtml(block.quote).replace(/\n/g, '<br>')}</blockquote>`;
      if ('button' in block)
        return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.button.url)}" style="display:inline-block;padding:10px 18px;background:#1a1a1a;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(block.button.label)}</a></p>`;
      return `<p style="margin:0 0 16px;font-size:12px;color:#666">${escapeHtml(block.small)}</p>`;
    })
    .join('\n');
  return {
    kind,
    to,
    subject,
    text: `${text}\n\n— ${site.name}\n`,
    html: `<!doctype html><html><body style="font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:560px;margin:0 auto;padding:24px"><p style="font-weight:bold;font-size:20px;margin:0 0 24px">${escapeHtml(site.name)}</p>${html}</body></html>`,
    headers,
  };
}

export function signInMail({ to, url, expires }: { to: string; url: string; expires: Date }): Mail {
  const hours = Math.round((expires.getTime() - Date.now()) / 3_600_000);
  return composeMail('sign-in', to, `Sign in to ${site.name}`, [
    { paragraph: `Use this link to sign in to ${site.name}. It works once and expires in ${hours} hours.` },
    { button: { label: 'Sign in', url } },
    { small: 'If you did not ask to sign in, ignore this email: nobody can sign in without the link.' },
  ]);
}

export type MailLink = { label: string; url: string };

/** Footer with the one-click unsubscribe link; the same URL goes in the List-Unsubscribe headers. */
export function unsubscribeHeaders(pageUrl: string, oneClickUrl: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${oneClickUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'X-Unsubscribe-Page': pageUrl,
  };
}

export function authorDigestMail(input: {
  to: string;
  authorName: string;
  headline: string;
  articleUrl: string;
  comments: {
    displayName: string;
    body: string;
    replyUrl: string;
    /** The comment it answers (body null: no longer published, so not quoted). */
    inReplyTo?: { displayName: string; body: string | null } | null;
  }[];
  unsubscribe: { page: string; oneClick: string };
}): Mail {
  const n = input.comments.length;
  const excerpt = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);
  return composeMail(
    'author-digest',
    input.to,
    `${n === 1 ? 'A new comment' : `${n} new comments`} on “${input.headline}”`,
    [
      { paragraph: `Hello ${input.authorName}, readers commented on your story “${input.headline}”.` },
      ...input.comments.flatMap((comment) => [
        ...(comment.inReplyTo
          ? comment.inReplyTo.body === null
            ? [{ paragraph: `${comment.displayName} replied to a comment that is no longer published:` }]
            : [
                { paragraph: `${comment.displayName} replied to ${comment.inReplyTo.displayName}, who wrote:` },
                { small: excerpt(comment.inReplyTo.body, 300) },
                { paragraph: `${comment.displayName}’s reply:` },
              ]
          : [{ paragraph: `${comment.displayName} wrote:` }]),
        { quote: excerpt(comment.body, 1200) },
        { button: { label: 'Reply as the author', url: comment.replyUrl } },
      ]),
      { paragraph: `Read the whole discussion: ${input.articleUrl}#comments` },
      { small: 'Comments may have been edited since this email was written; the story shows them as they are now.' },
      {
        small:
          'Each “Reply as the author” link posts one reply under your name with an Author badge, and expires in 7 days. To write to a reader privately, reply from your own email instead.',
      },
      { small: `Stop these emails: ${input.unsubscribe.page}` },
    ],
    unsubscribeHeaders(input.unsubscribe.page, input.unsubscribe.oneClick),
  );
}

export function freshReplyLinkMail(input: {
  to: string;
  authorName: string;
  headline: string;
  displayName: string;
  body: string;
  replyUrl: string;
}): Mail {
  return composeMail('author-fresh-link', input.to, `Your new reply link for “${input.headline}”`, [
    { paragraph: `Hello ${input.authorName}, here is a new link to reply to ${input.displayName}'s comment:` },
    { quote: input.body },
    { button: { label: 'Reply as the author', url: input.replyUrl } },
    { small: 'The link posts one reply and expires in 7 days. If you did not ask for it, ignore this email.' },
  ]);
}

export function replyNotificationMail(input: {
  to: string;
  kind: 'reply' | 'author-reply';
  replierName: string;
  headline: string;
  body: string;
  commentUrl: string;
  unsubscribe: { page: string; oneClick: string };
}): Mail {
  const subject =
    input.kind === 'author-reply'
      ? `The author replied in your thread on “${input.headline}”`
      : `${input.replierName} replied to your comment`;
  return composeMail(
    input.kind === 'author-reply' ? 'author-replied' : 'reply',
    input.to,
    subject,
    [
      {
        paragraph:
          input.kind === 'author-reply'
            ? `${input.replierName}, the author of “${input.headline}”, replied in a thread you took part in:`
            : `${input.replierName} replied to your comment on “${input.headline}”:`,
      },
      { quote: input.body },
      { button: { label: 'See the conversation', url: input.commentUrl } },
      // Written when it went: a later edit sends no second email.
      { small: 'The reply may have been edited since; the link shows it as it is now.' },
      { small: `Stop these emails: ${input.unsubscribe.page}` },
    ],
    unsubscribeHeaders(input.unsubscribe.page, input.unsubscribe.oneClick),
  );
}

export function decisionMail(input: {
  to: string;
  outcome: 'approved' | 'rejected' | 'appeal-upheld' | 'appeal-reinstated' | 'redacted';
  headline: string;
  body: string;
  /** The statement of reasons as sentences (lib/policy/statement.ts): the same words as the article and profile. */
  statement: string[];
  clauseUrls: string[];
  profileUrl: string;
  commentUrl: string;
  unsubscribe: { page: string; oneClick: string };
}): Mail {
  const subjects = {
    approved: 'Your comment is published',
    rejected: 'Your comment was not published',
    'appeal-upheld': 'Your appeal was reviewed: the decision stands',
    'appeal-reinstated': 'Your appeal succeeded: your comment is published',
    redacted: 'Your comment is published, with part of it removed',
  };
  const lead = {
    approved: `A moderator approved your comment on “${input.headline}”. It is now published.`,
    rejected: `A moderator did not publish your comment on “${input.headline}”.`,
    'appeal-upheld': `A second moderator reviewed your appeal about your comment on “${input.headline}”.`,
    'appeal-reinstated': `A second moderator reviewed your appeal and reinstated your comment on “${input.headline}”. It is now published.`,
    redacted: `A moderator removed part of your comment on “${input.headline}” and published the rest. As published:`,
  };
  return composeMail(
    'decision',
    input.to,
    subjects[input.outcome],
    [
      { paragraph: lead[input.outcome] },
      { quote: input.body },
      ...input.statement.map((paragraph) => ({ paragraph })),
      ...input.clauseUrls.map((url) => ({ paragraph: `Read the clause: ${url}` })),
      input.outcome === 'rejected' || input.outcome === 'redacted'
        ? { button: { label: 'See it on your profile (you may appeal once)', url: input.profileUrl } }
        : { button: { label: 'See your comment', url: input.commentUrl } },
      { small: `Stop these emails: ${input.unsubscribe.page}` },
    ],
    unsubscribeHeaders(input.unsubscribe.page, input.unsubscribe.oneClick),
  );
}

export type MeasureKind = 'suspend' | 'unsuspend' | 'ban' | 'unban' | 'premoderate-on' | 'premoderate-off';

/** A measure on the reader's account, with the statement of reasons: what, until when, under which clause, the
 *  moderator's message, and where to read it again. */
export function measureMail(input: {
  to: string;
  measure: MeasureKind;
  until: Date | null;
  clause: { label: string; url: string } | null;
  message: string | null;
  profileUrl: string;
  unsubscribe: { page: string; oneClick: string };
}): Mail {
  const until = input.until ? `${input.until.toUTCString().replace(' GMT', ' UTC')}` : '';
  const what: Record<MeasureKind, { subject: string; lead: string }> = {
    suspend: {
      subject: 'Your account is suspended from commenting',
      lead: `A moderator suspended your account from commenting until ${until}. You can still read and sign in; commenting, replying, reacting and reporting resume by themselves then.`,
    },
    unsuspend: { subject: 'Your suspension is lifted', lead: 'A moderator lifted the suspension on your account.' },
    ban: {
      subject: 'Your account is banned from commenting',
      lead: 'A moderator banned your account from commenting. You can still read and see your comments on your profile.',
    },
    unban: {
      subject: 'Your ban is lifted',
      lead: 'A moderator lifted the ban on your account: you can comment again.',
    },
    'premoderate-on': {
      subject: 'Your comments will be reviewed before they appear',
      lead: 'A moderator put your account on pre-moderation: each comment you post is reviewed before it appears.',
    },
    'premoderate-off': {
      subject: 'Your comments no longer wait for review',
      lead: 'A moderator took your account off pre-moderation: your comments appear as usual again.',
    },
  };
  return composeMail(
    'measure',
    input.to,
    what[input.measure].subject,
    [
      { paragraph: what[input.measure].lead },
      ...(input.clause ? [{ paragraph: `Under ${input.clause.label}: ${input.clause.url}` }] : []),
      ...(input.message ? [{ paragraph: 'The moderator’s message:' }, { quote: input.message }] : []),
      // A measure imposed can be appealed once, from the profile's "Measures on your account" (issue 16).
      ...(appealable.has(input.measure)
        ? [
            {
              paragraph:
                'You may appeal this measure once, from your account page: a moderator other than the one who imposed it reviews your appeal.',
            },
            { button: { label: 'Appeal this measure', url: `${input.profileUrl}#measures` } },
          ]
        : [{ button: { label: 'See your account', url: input.profileUrl } }]),
      { small: `Stop these emails: ${input.unsubscribe.page}` },
    ],
    unsubscribeHeaders(input.unsubscribe.page, input.unsubscribe.oneClick),
  );
}

const appealable = new Set<MeasureKind>(['suspend', 'ban', 'premoderate-on']);

const measureNames = { suspend: 'suspension', ban: 'ban', premoderate: 'pre-moderation' } as const;

/** The decision on a reader's appeal of a measure on their account, with the second moderator's reasons. */
export function measureAppealMail(input: {
  to: string;
  measure: keyof typeof measureNames;
  outcome: 'upheld' | 'lifted';
  reason: string;
  profileUrl: string;
  unsubscribe: { page: string; oneClick: string };
}): Mail {
  const name = measureNames[input.measure];
  const lifted = input.outcome === 'lifted';
  return composeMail(
    'measure-appeal',
    input.to,
    lifted ? `Your appeal succeeded: the ${name} is lifted` : `Your appeal was reviewed: the ${name} stays`,
    [
      {
        paragraph: lifted
          ? `A moderator other than the one who imposed it reviewed your appeal and lifted the ${name} on your account.`
          : `A moderator other than the one who imposed it reviewed your appeal: the ${name} on your account stays as it was.`,
      },
      { paragraph: 'Their reasons:' },
      { quote: input.reason },
      { button: { label: 'See your account', url: input.profileUrl } },
      { small: `Stop these emails: ${input.unsubscribe.page}` },
    ],
    unsubscribeHeaders(input.unsubscribe.page, input.unsubscribe.oneClick),
  );
}

/** A reader's comment was chosen as an editors' pick. */
export function pickMail(input: {
  to: string;
  headline: string;
  body: string;
  commentUrl: string;
  unsubscribe: { page: string; oneClick: string };
}): Mail {
  return composeMail(
    'pick',
    input.to,
    'Your comment is an editors’ pick',
    [
      {
        paragraph: `Our moderators chose your comment on “${input.headline}” as an editors’ pick. It is shown with the picks at the top of the discussion.`,
      },
      { quote: input.body },
      { button: { label: 'See it on the story', url: input.commentUrl } },
      { small: `Stop these emails: ${input.unsubscribe.page}` },
    ],
    unsubscribeHeaders(input.unsubscribe.page, input.unsubscribe.oneClick),
  );
}

/** The "Delete my account" confirmation (issue 17): the link opens a page with one button; nothing happens until
 *  it is pressed. */
export function accountDeletionMail(input: { to: string; url: string; hours: number }): Mail {
  return composeMail('account-deletion', input.to, `Confirm deleting your ${site.name} account`, [
    { paragraph: `You asked to delete your ${site.name} account. Open this link and press the button to confirm.` },
    { button: { label: 'Delete my account', url: input.url } },
    {
      paragraph:
        'Your name, email address, reactions, reports, preferences and notes are erased. Your comments disappear; ' +
        'one that others replied to stays as an empty “deleted” note so the replies keep their place.',
    },
    {
      small: `The link expires in ${input.hours} hours. If you did not ask for this, ignore this email: nothing changes.`,
    },
  ]);
}
