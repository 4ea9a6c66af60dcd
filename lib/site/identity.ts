// The publication's identity, used by pages and emails.
export const site = {
  name: 'The Ledger',
  tagline: 'Independent news, open discussion',
  locale: 'en-US',
  timeZone: 'UTC',
} as const;
