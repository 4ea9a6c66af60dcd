// Numbers written as words, as the engine reads them. No prototype on either table: `word in table` must not
// find "constructor".

/** The words readers spell digits with ("oh seven seven double oh…"): for phone numbers. */
export const digitWords: Readonly<Record<string, string>> = Object.assign(
  Object.create(null) as Record<string, string>,
  {
    zero: '0',
    oh: '0',
    nought: '0',
    one: '1',
    two: '2',
    three: '3',
    four: '4',
    five: '5',
    six: '6',
    seven: '7',
    eight: '8',
    nine: '9',
  },
);

/** Number words as the digits a reposter swaps them for ("two weeks" / "2 weeks"): for amounts. Not "oh"
 *  ("oh well") or "nought". */
export const amountWords: Readonly<Record<string, string>> = Object.assign(
  Object.create(null) as Record<string, string>,
  {
    ...Object.fromEntries(Object.entries(digitWords).filter(([word]) => word !== 'oh' && word !== 'nought')),
    ten: '10',
    eleven: '11',
    twelve: '12',
    twenty: '20',
    thirty: '30',
    forty: '40',
    fifty: '50',
    hundred: '00',
    thousand: '000',
    million: '000000',
    dozen: '12',
    half: '5',
  },
);
