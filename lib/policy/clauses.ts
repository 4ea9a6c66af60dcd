// The publication's comment policy: one clause, one definition.
// The /policy page renders these, the rule engine cites them, moderators reject with them
// and readers report with them. Ids are stable URL anchors (/policy#civility): never rename one.

export const clauseIds = [
  'civility',
  'hate-and-threats',
  'on-topic',
  'spam',
  'privacy',
  'impersonation',
  'links',
  'language',
  'moderation',
] as const;

export type ClauseId = (typeof clauseIds)[number];

export type Clause = {
  id: ClauseId;
  /** Section number shown as "§N". */
  number: number;
  title: string;
  /** One sentence, used in reasons shown to readers ("Held for review under §1 Civility: …"). */
  summary: string;
  /** The full text on /policy, one string per paragraph. */
  text: readonly string[];
  /** Whether a reader may cite this clause when reporting a comment. */
  reportable: boolean;
  /**
   * How urgently a comment held or reported under this clause needs a moderator (3 = first: someone may be hurt or
   * exposed; 0 = routine, e.g. a first comment held for a look). The moderation queues' priority order sorts by it.
   */
  urgency: 0 | 1 | 2 | 3;
};

export const clauses: readonly Clause[] = [
  {
    id: 'civility',
    number: 1,
    title: 'Be civil',
    summary: 'Argue with ideas, not with people: no insults, name-calling or personal attacks.',
    text: [
      'Disagree as strongly as you like with the story, its sources or other readers, but address the argument, not the person. Insults, name-calling, mockery of another commenter and personal attacks are removed.',
      'Sarcasm aimed at a public figure’s conduct is fair comment; abuse aimed at a fellow reader is not.',
    ],
    reportable: true,
    urgency: 2,
  },
  {
    id: 'hate-and-threats',
    number: 2,
    title: 'No hate speech or threats',
    summary: 'No attacks on people for who they are, and no threats or incitement to violence.',
    text: [
      'We remove comments that attack or demean people on the basis of race, ethnicity, nationality, religion, sex, gender identity, sexual orientation, disability, age or similar characteristics.',
      'Threats of violence, wishes of harm and incitement against anyone — a reader, a journalist, a public figure — are removed at once and may be reported to the authorities. Accounts that post them are banned.',
    ],
    reportable: true,
    urgency: 3,
  },
  {
    id: 'on-topic',
    number: 3,
    title: 'Stay on topic',
    summary: 'Keep to the subject of the story and the discussion under it.',
    text: [
      'Comments should respond to the story or to other comments about it. Wholly unrelated posts, chain messages and repeated hobby-horses derail the discussion and may be removed.',
    ],
    reportable: true,
    urgency: 1,
  },
  {
    id: 'spam',
    number: 4,
    title: 'No spam or self-promotion',
    summary: 'No advertising, repeated posts, floods of comments or promotion of your own business.',
    text: [
      'Do not advertise products or services, solicit business, or post the same text again and again — under one account or several. Posting many comments in quick succession is treated as flooding and is slowed down automatically.',
    ],
    reportable: true,
    urgency: 1,
  },
  {
    id: 'privacy',
    number: 5,
    title: 'Respect privacy',
    summary:
      'Do not publish personal information about other people, such as email addresses, phone numbers or home addresses.',
    text: [
      'Never post someone else’s contact details, address, identity documents or private information, even if you found them elsewhere. Comments containing email addresses or phone numbers are held until a moderator has checked them.',
      'To contact a journalist privately, use the address in the author box above the comments.',
    ],
    reportable: true,
    urgency: 3,
  },
  {
    id: 'impersonation',
    number: 6,
    title: 'Be yourself',
    summary: 'Do not impersonate journalists, staff, public figures or other readers.',
    text: [
      'Choose a display name that does not pretend to be someone else. Staff and the story’s author are marked with a badge; anyone claiming to be them without it is not them. One person, one account: accounts created to evade a suspension or ban are closed.',
    ],
    reportable: true,
    urgency: 2,
  },
  {
    id: 'links',
    number: 7,
    title: 'Links with care',
    summary:
      'Link to sources that support your point; many links, or links to known spam or malware sites, are not allowed.',
    text: [
      'A link to a source that backs up your argument is welcome. Comments with more than a couple of links are held for review, and links to domains known for spam, malware or scams are rejected.',
    ],
    reportable: true,
    urgency: 1,
  },
  {
    id: 'language',
    number: 8,
    title: 'Mind your language',
    summary: 'No profanity, obscenity or slurs — including disguised spellings — and no shouting in capitals.',
    text: [
      'Write as you would in a letter to the editor. Profanity, obscenity and slurs are not allowed, and neither are disguised spellings of them. Long comments written mostly in capital letters read as shouting and are held for review.',
    ],
    reportable: true,
    urgency: 1,
  },
  {
    id: 'moderation',
    number: 9,
    title: 'Moderation and appeals',
    summary:
      'Comments are checked automatically and by our moderators; every decision cites this policy and may be appealed once.',
    text: [
      'Some comments publish at once; others are held until a moderator reviews them — for example the first comments from a new account, or comments our automatic checks flag. Whenever a comment is held or rejected, its author is told which clause of this policy applies.',
      'If your comment was rejected you may appeal once, with a short explanation, from your profile. A different moderator from the one who made the decision reviews the appeal. Repeated breaches lead to pre-moderation, suspension or a ban. We publish our decisions on the transparency page: how many comments were held or rejected under each clause, by the automatic checks and by moderators, week by week.',
    ],
    reportable: false,
    urgency: 0,
  },
];

const byId = new Map(clauses.map((clause) => [clause.id, clause]));

export function getClause(id: ClauseId): Clause {
  const clause = byId.get(id);
  if (!clause) throw new Error(`Unknown policy clause: ${id}`);
  return clause;
}

export function isClauseId(value: string): value is ClauseId {
  return byId.has(value as ClauseId);
}

/** "§1 Be civil" */
export function clauseLabel(id: ClauseId): string {
  const clause = getClause(id);
  return `§${clause.number} ${clause.title}`;
}

/** The most urgent of the clauses cited (by the rules that held a comment, or by its reports); 0 for none. */
export function urgencyOf(ids: readonly string[]): number {
  return ids.reduce((most, id) => Math.max(most, byId.get(id as ClauseId)?.urgency ?? 0), 0);
}

export function clauseHref(id: ClauseId): string {
  return `/policy#${id}`;
}
