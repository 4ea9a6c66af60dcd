// Texts for a reader who posts many times in a few minutes (load tests, benchmarks). The policy refuses a
// reader's repeated text, and its fingerprint folds look-alikes (6 and 9, 1 and 11, 0 and o), so texts told
// apart only by a number or a marker are "the same text" and get refused. The n-th text here differs from every
// other in its words: n is spelled in base 24 with a different word per digit (331,776 texts; the same text from
// several accounts is held as spam too, so give each poster its own range of n).
const words = [
  'library',
  'budget',
  'council',
  'harbour',
  'schools',
  'orchard',
  'bridge',
  'market',
  'clinic',
  'tramway',
  'museum',
  'meadow',
  'theatre',
  'quarry',
  'ferry',
  'station',
  'forest',
  'village',
  'canal',
  'stadium',
  'archive',
  'garden',
  'pier',
  'chapel',
];

export function distinctText(n: number): string {
  const spelled: string[] = [];
  for (let rest = n, i = 0; i < 4; i++, rest = Math.floor(rest / words.length))
    spelled.push(words[rest % words.length]!);
  return `About the ${spelled[0]}, the ${spelled[1]}, the ${spelled[2]} and the ${spelled[3]}: the figures deserve a closer look.`;
}
