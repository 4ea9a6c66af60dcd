// Contact details that belong to an organisation, not a person. A council switchboard, a town hall's number, a
// hospital press office's address or a newsdesk's email shares nobody's personal information, and holding it
// holds the reader who is helping others complain, correct or get help. The line:
//
// - an email whose mailbox is a role, not a person (press@, newsdesk@, enquiries@, info@…), or a phone number
//   or email that the few words just before it, in the same clause, give to an organisation, a helpline or a
//   desk of one ("the council switchboard is…", "the bin collection team is on…", "email Samaritans at…");
// - and never when the sentence says the contact is a person's (his, her, personal, private, home, direct
//   line, mobile, a family member) or tells readers to use it against someone (flood, bombard, keep ringing,
//   "you know what to do"), and never a UK mobile number (07…): a switchboard is not a mobile.
//
// Runs only on the emails and phone numbers already found, over the sentence around each (at most 200
// characters either side). Words after a contact never make it an organisation's.

/** Mailboxes of a role or a department. */
const roleMailbox =
  /^(?:press|pressoffice|press\.office|newsdesk|news|newsroom|editor|editorial|letters|corrections|complaints|info|information|enquiries|enquiry|inquiries|contact|contactus|help|helpdesk|support|office|admin|reception|media|communications|comms|feedback|hello|customerservices|customer\.services|service|services|foi|dpo|privacy|team|general|mail|post|bookings|accounts|planning|licensing|council|highways|waste|bins|housing)$/i;

/** An organisation, a public body, a helpline or a desk of one. */
const organisation =
  /\b(?:switchboards?|town halls?|city halls?|civic cent(?:re|er)|council(?:'s)?|press office|press team|newsdesk|news desk|newsroom|helplines?|hotlines?|infoline|adviceline|advice line|freephone|hospital|nhs|trust|police|constabulary|fire service|ambulance service|charity|charities|samaritans|childline|nspcc|crimestoppers|citizens advice|shelter|victim support|action fraud|trading standards|ombudsman|regulator|ofsted|ofcom|dvla|hmrc|department|ministry|embassy|consulate|university|library|museum|box office|reception|customer services|collection team|(?:the|their) (?:\w+ )?team|(?:the|their) (?:\w+ )?office|(?:the|their) (?:\w+ )?desk)\b/;

const organisationAtEnd = new RegExp(`${organisation.source}$`);
/** Words that may stand between an organisation and its contact: "the town hall number is", "the bin collection
 *  team is on", "email Samaritans at", "Crimestoppers anonymously on". Any other word (a verb of its own, "the
 *  council … call 020…") breaks the link. */
const linking = new Set(
  (
    "is are was on at number numbers line lines phone email e mail address s 's switchboard helpline desk office team " +
    'main general enquiries enquiry freephone reached contacted via anonymously directly by can be also still free ' +
    'press media 24 hour hours 24/7'
  ).split(' '),
);

/** Words that make a contact a person's, or turn it into a weapon against one. */
const personal =
  /\b(?:his|her|him|hers|he|she|personal|private|home|mobile|cell|direct line|wife|husband|mum|dad|mother|father|son|daughter|kids|girlfriend|boyfriend|partner|landlord|flood|bombard|spam|keep ringing|keep calling|ring off the hook|know what to do|let (?:him|her|them) (?:have|know|hear)|tell (?:him|her|them)|give (?:him|her|them)|harass\w*|scumbag|nonce)\b/;

/** The sentence around [start, end): from after the last . ! ? or line break before it to the next one after. */
function sentenceAround(text: string, start: number, end: number): string {
  let from = Math.max(0, start - 200);
  for (let k = start - 1; k >= from; k--) {
    const c = text[k]!;
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && /\s/.test(text[k + 1] ?? ' '))) {
      from = k + 1;
      break;
    }
  }
  let to = Math.min(text.length, end + 200);
  for (let k = end; k < to; k++) {
    const c = text[k]!;
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && /\s/.test(text[k + 1] ?? ' '))) {
      to = k;
      break;
    }
  }
  return text.slice(from, start) + ' ' + text.slice(end, to);
}

/** The words of the same clause just before [start): at most the six words back ("the council switchboard is",
 *  "email Samaritans at"), cut at clause punctuation (, ; : dashes, brackets, quotation marks, sentence ends).
 *  Words after the contact do not count: "kev@… of the council" names the council for something else. The
 *  organisation must end these words but for linking words (`linking`). */
const clauseBreak = /[,;:!?()\u201c\u201d"\u2013\u2014\n]|\.\s/;
function clauseBefore(text: string, start: number): string {
  let before = text.slice(Math.max(0, start - 80), start);
  for (let m = clauseBreak.exec(before); m; m = clauseBreak.exec(before)) before = before.slice(m.index + m[0].length);
  return before.split(/\s+/).slice(-6).join(' ');
}

/** Whether the clause before a contact ends with an organisation and linking words only. */
function givenToOrganisation(clause: string): boolean {
  const words = clause.split(' ').filter(Boolean);
  for (let k = words.length; k > 0; k--) {
    if (organisationAtEnd.test(words.slice(0, k).join(' '))) return true;
    if (!linking.has(words[k - 1]!)) return false;
  }
  return false;
}

/**
 * Whether the email or phone number at [start, end) of `text` is an organisation's (see the top of this
 * module): a role mailbox, or an organisation named in the same clause ("the council switchboard is …",
 * "email Samaritans at …"), and nothing in the sentence that makes it a person's.
 */
export function isInstitutionalContact(text: string, kind: 'email' | 'phone', start: number, end: number): boolean {
  const found = text.slice(start, end);
  if (kind === 'phone') {
    const digits = found.replace(/\D/g, '');
    const national = digits.startsWith('44') ? digits.slice(2) : digits.startsWith('0044') ? digits.slice(4) : digits;
    if (/^0?7/.test(national)) return false; // a UK mobile
  }
  const organisations =
    (kind === 'email' && roleMailbox.test(found.slice(0, found.indexOf('@')))) ||
    givenToOrganisation(clauseBefore(text, start).toLowerCase());
  // The whole sentence is read only for a contact that would otherwise be published.
  return organisations && !personal.test(sentenceAround(text, start, end).toLowerCase());
}
