// The moderation console's card density (issue 16): compact (a line per comment, expanding on focus) or full.
// The URL's `view=` wins; otherwise this cookie remembers the moderator's last choice (written in the browser).
export const densityCookie = 'moderation-view';
export type Density = 'compact' | 'full';
