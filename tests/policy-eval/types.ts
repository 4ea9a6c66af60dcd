// The open evaluation set's shape. Content warning: the abusive cases necessarily contain offensive words.

/** What the engine must do with a case: `flag` = hold or reject (either catches it); `publish` = no reason at all. */
export type Expectation = 'publish' | 'hold' | 'reject' | 'flag';

export type EvalCase = {
  /** The class of evasion (abusive cases) or the kind of innocent comment. */
  group: string;
  body: string;
  expect: Expectation;
  /** Recent comments for the duplicate classes: the author's own, or other accounts'. */
  recentByAuthor?: string[];
  recentByOthers?: string[];
  /** Why the case is here, when the body does not say it. */
  note?: string;
};
