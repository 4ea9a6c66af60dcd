// Rules that judge the text alone. The compose box runs these live (checkDraft).
import type { CompiledPolicy } from '../compile';
import { contactView, originalSpan, type ContactView } from '../text/contact-view';
import { findAddresses } from '../text/addresses';
import { isInstitutionalContact } from '../text/institutions';
import { findEmails, findPhones, type PersonalInfo } from '../text/personal-info';
import { reportedIn } from '../text/reported';
import { tokenize } from '../text/normalize';
import type { TermMatch } from '../text/terms';
import { findHosts, hostMatches, type FoundHost } from '../text/urls';
import type { Reason, RuleId } from '../types';

const quote = (body: string, start: number, end: number) => {
  const text = body.slice(start, end);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

const termRules: Record<
  string,
  { ruleId: RuleId; outcome: 'hold' | 'reject'; clause: Reason['clause']; message: (text: string) => string }
> = {
  hate: {
    ruleId: 'hate-terms',
    outcome: 'reject',
    clause: 'hate-and-threats',
    message: (t) => `“${t}” attacks people for who they are.`,
  },
  banned: {
    ruleId: 'banned-terms',
    outcome: 'reject',
    clause: 'language',
    message: (t) => `“${t}” is language we do not publish, however it is spelled.`,
  },
  threat: {
    ruleId: 'threat-phrases',
    outcome: 'hold',
    clause: 'hate-and-threats',
    message: (t) => `“${t}” reads as a threat or a wish of harm; a moderator will check it.`,
  },
  // Incitement to damage property or to harass someone: the threat rule, with its own words.
  incite: {
    ruleId: 'threat-phrases',
    outcome: 'hold',
    clause: 'hate-and-threats',
    message: (t) =>
      `“${t}” reads as urging others to damage property or to go after someone; a moderator will check it.`,
  },
  // A sexual remark or demand aimed at a person: a personal attack under §1.
  sexual: {
    ruleId: 'suspect-terms',
    outcome: 'hold',
    clause: 'civility',
    message: (t) => `“${t}” reads as a sexual remark aimed at a person; a moderator will check it.`,
  },
  group: {
    ruleId: 'group-hate',
    outcome: 'hold',
    clause: 'hate-and-threats',
    message: (t) =>
      `“${t}” speaks of a group of people as vermin or disease, or as people to be removed; a moderator will check it.`,
  },
  suspect: {
    ruleId: 'suspect-terms',
    outcome: 'hold',
    clause: 'civility',
    message: (t) => `“${t}” may be name-calling; a moderator will check it.`,
  },
};
/** A banned or hate term matched without certainty: a word with an innocent sense, or a loose reading. */
const uncertain = {
  ruleId: 'uncertain-terms' as const,
  outcome: 'hold' as const,
  clause: 'language' as const,
  message: (t: string) =>
    `“${t}” can be an obscenity or a slur, or something innocent; a moderator will read it in context.`,
};

/** Listed terms in the body as displayed and, when a right-to-left override reorders it, as stored too
 *  (either reading may be the one a reader sees, depending on the renderer); and, when it has upside-down
 *  letters, read the right way up. */
function matchTerms(body: string, policy: CompiledPolicy): { matches: TermMatch[]; addressCues: number } {
  const tokens = tokenize(body);
  const { matches, addressCues } = policy.terms.match(tokens, body);
  // The tokenizer noted whether the body has an override or turned letters (no second scan of the body).
  if (!tokens.override && !tokens.turned) return { matches, addressCues };
  const orders = [...(tokens.override ? (['logical'] as const) : []), ...(tokens.turned ? (['flipped'] as const) : [])];
  for (const order of orders)
    for (const extra of policy.terms.match(tokenize(body, order), body).matches)
      if (!matches.some((m) => m.start < extra.end && extra.start < m.end)) matches.push(extra);
  return { matches: matches.sort((a, b) => a.start - b.start), addressCues };
}

/** Term reasons, one per rule, listing every place the reader can fix. */
function termReasons(body: string, policy: CompiledPolicy, matches: readonly TermMatch[]): Reason[] {
  const byRule = new Map<RuleId, Reason>();
  let isReported: ((start: number, end: number) => boolean) | undefined;
  for (const match of matches) {
    const listed = termRules[match.list]!;
    // A threat, an insult or group hate the comment quotes or reports ("he told her 'I will kill you'").
    if (listed.outcome === 'hold' && (isReported ??= reportedIn(body))(match.start, match.end)) continue;
    const rule = match.sure || listed.outcome === 'hold' ? listed : uncertain;
    if (!policy.enabled(rule.ruleId)) continue;
    const text = body.slice(match.start, match.end);
    const evidence = { kind: 'span' as const, start: match.start, end: match.end, text };
    const existing = byRule.get(rule.ruleId);
    if (existing) existing.evidence.push(evidence);
    else
      byRule.set(rule.ruleId, {
        ruleId: rule.ruleId,
        outcome: rule.outcome,
        clause: rule.clause,
        message: rule.message(quote(body, match.start, match.end)),
        evidence: [evidence],
      });
  }
  return [...byRule.values()];
}

function remapSpan<T extends { start: number; end: number }>(view: ContactView, found: T): T {
  const [start, end] = originalSpan(view, found.start, found.end);
  return { ...found, start, end };
}

export function textReasons(body: string, policy: CompiledPolicy): Reason[] {
  const reasons: Reason[] = [];
  const { settings, enabled } = policy;

  const { matches, addressCues } = matchTerms(body, policy);
  reasons.push(...termReasons(body, policy, matches));

  // Contact details and links are read a second time with spelled-out digits, "at" and "dot" rewritten.
  const tokens = tokenize(body);
  const view = contactView(body, tokens);
  // A host is disguised when the view had to rewrite it to read it ("x dot com", "hxxp://", "www[.]x").
  const disguised: FoundHost[] = [];
  const hosts: FoundHost[] = view
    ? findHosts(view.text).map((h) => {
        const found = remapSpan(view, h);
        if (h.isLink && (h.defanged || view.text.slice(h.start, h.end) !== body.slice(found.start, found.end)))
          disguised.push(found);
        return found;
      })
    : findHosts(body, tokens.prepared ? undefined : tokens.marks);
  if (!view) for (const h of hosts) if (h.defanged) disguised.push(h);
  if (enabled('blocked-domain')) {
    const blocked = hosts.filter((h) => policy.blockedDomains.some((domain) => hostMatches(h.host, domain)));
    if (blocked.length)
      reasons.push({
        ruleId: 'blocked-domain',
        outcome: 'reject',
        clause: 'links',
        message: `Links to ${blocked[0]!.host} are not allowed: the site is known for spam or scams.`,
        evidence: blocked.map((h) => ({ kind: 'span', start: h.start, end: h.end, text: body.slice(h.start, h.end) })),
      });
  }
  // A blocked host is rejected by its own rule; the disguise adds nothing to that.
  const isBlocked = (h: FoundHost) => policy.blockedDomains.some((domain) => hostMatches(h.host, domain));
  if (enabled('blocked-domain')) disguised.splice(0, disguised.length, ...disguised.filter((h) => !isBlocked(h)));
  if (enabled('disguised-link') && disguised.length)
    reasons.push({
      ruleId: 'disguised-link',
      outcome: 'hold',
      clause: 'links',
      message: `“${quote(body, disguised[0]!.start, disguised[0]!.end)}” is a link written so that it is not recognised as one; a moderator will check it.`,
      evidence: disguised.map((h) => ({ kind: 'span', start: h.start, end: h.end, text: body.slice(h.start, h.end) })),
    });
  const links = hosts.filter((h) => h.isLink);
  if (enabled('link-limit') && links.length > settings.maxLinks)
    reasons.push({
      ruleId: 'link-limit',
      outcome: 'hold',
      clause: 'links',
      message: `Comments with more than ${settings.maxLinks} link${settings.maxLinks === 1 ? '' : 's'} are checked by a moderator (this one has ${links.length}).`,
      evidence: [
        { kind: 'count', count: links.length, limit: settings.maxLinks },
        ...links.map((h) => ({ kind: 'span' as const, start: h.start, end: h.end, text: body.slice(h.start, h.end) })),
      ],
    });

  if (enabled('personal-info') && settings.detectPersonalInfo) {
    const text = view ? view.text : body;
    // An organisation's switchboard, helpline or press office is nobody's personal information.
    const raw: PersonalInfo[] = [...findEmails(text), ...findPhones(text)].filter(
      (f) => !isInstitutionalContact(text, f.kind, f.start, f.end),
    );
    const found: { kind: PersonalInfo['kind'] | 'address'; start: number; end: number }[] = [
      ...(view ? raw.map((f) => remapSpan(view, f)) : raw),
      ...findAddresses(body, tokens, addressCues),
    ].sort((a, b) => a.start - b.start);
    if (found.length)
      reasons.push({
        ruleId: 'personal-info',
        outcome: 'hold',
        clause: 'privacy',
        message: `It contains ${personalInfoSummary(found)}; a moderator checks that it is not someone else’s personal information.`,
        evidence: found.map((f) => ({ kind: 'span', start: f.start, end: f.end, text: body.slice(f.start, f.end) })),
      });
  }

  if (enabled('shouting')) {
    const minLetters = settings.shoutingMinLetters;
    const capsPercent = settings.shoutingCapsPercent;
    // Counted by the tokenizer on its one pass: the letters as displayed (markup left out), capitals by how
    // they look (mathematical bold and fullwidth capitals shout too).
    const { letters = 0, capitals = 0 } = tokens;
    if (letters >= minLetters && capitals * 100 >= letters * capsPercent)
      reasons.push({
        ruleId: 'shouting',
        outcome: 'hold',
        clause: 'language',
        message: `It is written mostly in capital letters (${Math.round((capitals / letters) * 100)}%), which reads as shouting.`,
        evidence: [{ kind: 'count', count: Math.round((capitals / letters) * 100), limit: capsPercent }],
      });
  }
  return reasons;
}

/** "an email address and 2 phone numbers": every kind found, so a moderator sees all of them named. */
function personalInfoSummary(found: readonly { kind: 'email' | 'phone' | 'address' }[]): string {
  const emails = found.filter((f) => f.kind === 'email').length;
  const addresses = found.filter((f) => f.kind === 'address').length;
  const phones = found.length - emails - addresses;
  const part = (count: number, one: string, many: string) => (count === 1 ? one : `${count} ${many}`);
  return [
    emails && part(emails, 'an email address', 'email addresses'),
    phones && part(phones, 'a phone number', 'phone numbers'),
    addresses &&
      part(addresses, 'where someone lives or can be found', 'details of where someone lives or can be found'),
  ]
    .filter(Boolean)
    .join(' and ');
}
