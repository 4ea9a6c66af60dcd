// Contact details that belong to an organisation, not a person. A council switchboard, a town hall's number, a
// hospital press office's address or a newsdesk's email shares nobody's personal information, and holding it
// holds the reader who is helping others complain, correct or get help. The line:
//
// - an email whose mailbox is a role, not a person (press@, newsdesk@, enquiries@, info@…), or a phone number
//   or email in a sentence that names an organisation, a helpline or a desk of one (switchboard, town hall,
//   council, press office, helpline, the bin collection team, Samaritans…);
// - and never when the sentence says the contact is a person's (his, her, personal, private, home, direct
//   line, mobile, a family member) or tells readers to use it against someone (flood, bombard, keep ringing,
//   "you know what to do"), and never a UK mobile number (07…): a switchboard is not a mobile.
//
// Runs only on the emails and phone numbers already found, over the sentence around each (at most 200
// characters either side).

/** Mailboxes of a role or a department. */
const roleMailbox =
  /^(?:press|pressoffice|press\.office|newsdesk|news|newsroom|editor|editorial|letters|corrections|complaints|info|information|enquiries|enquiry|inquiries|contact|contactus|help|helpdesk|support|office|admin|reception|media|communications|comms|feedback|hello|customerservices|customer\.services|service|services|foi|dpo|privacy|team|general|mail|post|bookings|accounts|planning|licensing|council|highways|waste|bins|housing)$/i;

/** An organisation, a public body, a helpline or a desk of one. */
const organisation =
  /\b(?:switchboards?|town halls?|city halls?|civic cent(?:re|er)|council(?:'s)?|press office|press team|newsdesk|news desk|newsroom|helplines?|hotlines?|infoline|adviceline|advice line|freephone|hospital|nhs|trust|police|constabulary|fire service|ambulance service|charity|charities|samaritans|childline|nspcc|crimestoppers|citizens advice|shelter|victim support|action fraud|trading standards|ombudsman|regulator|ofsted|ofcom|dvla|hmrc|department|ministry|embassy|consulate|university|library|museum|box office|reception|customer services|collection team|(?:the|their) (?:\w+ )?team|(?:the|their) (?:\w+ )?office|(?:the|their) (?:\w+ )?desk)\b/;

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

/**
 * Whether the email or phone number at [start, end) of `text` is an organisation's (see the top of this
 * module).
 */
export function isInstitutionalContact(text: string, kind: 'email' | 'phone', start: number, end: number): boolean {
  const found = text.slice(start, end);
  if (kind === 'phone') {
    const digits = found.replace(/\D/g, '');
    const national = digits.startsWith('44') ? digits.slice(2) : digits.startsWith('0044') ? digits.slice(4) : digits;
    if (/^0?7/.test(national)) return false; // a UK mobile
  }
  const sentence = sentenceAround(text, start, end).toLowerCase();
  if (personal.test(sentence)) return false;
  if (kind === 'email') {
    const mailbox = found.slice(0, found.indexOf('@'));
    if (roleMailbox.test(mailbox)) return true;
  }
  return organisation.test(sentence);
}
