// The two emails a notice of illegal content causes, both to the reporter: the receipt (DSA Art. 16(4): confirm
// receipt without delay) and the decision with its reasons and the ways to contest it (Art. 16(5), 17).
import { composeMail } from '../mail/templates';
import type { Mail } from '../mail/outbox';
import { site } from '../site/identity';

export type NoticeSummary = {
  reference: string;
  to: string;
  reporterName: string;
  /** "the comment by Alice on “Headline”" or "the story “Headline”". */
  target: string;
  targetUrl: string;
  category: string;
  law: string;
};

export function noticeReceiptMail(notice: NoticeSummary & { explanation: string }): Mail {
  return composeMail('notice-receipt', notice.to, `We received your notice ${notice.reference}`, [
    { paragraph: `Dear ${notice.reporterName},` },
    {
      paragraph: `We received your notice about ${notice.target}. Its reference is ${notice.reference}: quote it if you write to us about it.`,
    },
    { paragraph: `Law or right concerned: ${notice.category}${notice.law ? ` (${notice.law})` : ''}.` },
    { quote: notice.explanation },
    {
      paragraph:
        'A moderator will review the content against the law you name and our comment policy, and we will email you the decision and its reasons.',
    },
    { button: { label: 'The content you reported', url: notice.targetUrl } },
    {
      small: `You are receiving this because this address was given in a notice sent to ${site.name}. We keep notices as the README of this site describes; nothing else is sent to this address.`,
    },
  ]);
}

export function noticeDecisionMail(
  notice: NoticeSummary & { outcome: 'removed' | 'no-action'; clauseLabel: string | null; reason: string },
): Mail {
  const removed = notice.outcome === 'removed';
  return composeMail(
    'notice-decision',
    notice.to,
    `Decision on your notice ${notice.reference}: ${removed ? 'content removed' : 'no action taken'}`,
    [
      { paragraph: `Dear ${notice.reporterName},` },
      {
        paragraph: removed
          ? `We reviewed your notice ${notice.reference} about ${notice.target} and removed the content.`
          : `We reviewed your notice ${notice.reference} about ${notice.target} and decided to take no action: the content stays as it is.`,
      },
      ...(notice.clauseLabel ? [{ paragraph: `Ground: ${notice.clauseLabel}.` }] : []),
      { paragraph: `Reasons: ${notice.reason}` },
      { paragraph: `Law or right you named: ${notice.category}${notice.law ? ` (${notice.law})` : ''}.` },
      {
        paragraph:
          'This decision was taken by a person, not by an automated system. If you disagree, reply to this email quoting the reference and we will look at it again; you may also turn to a certified out-of-court dispute settlement body or to the courts.',
      },
    ],
  );
}
