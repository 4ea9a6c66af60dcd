// A corpus that looks like real comments for the policy benchmark: about 1 KB each, most with some
// non-ASCII (curly quotes, dashes, accented names, £ and €), many with figures and abbreviations such as
// 4.5%, £3.2bn, e.g., i.e. and U.S. — the text the generated corpus (policy-generated.ts) lacks. Seeded.

const sentences = [
  'The council’s own figures show rents rose 4.5% last year, e.g. in the ward around the station.',
  'I’ve lived here since 1998 and the buses have never been this bad — not even in the 2010 cuts.',
  'Dr. Müller told the inquiry the trust had “no plan B”, which is frankly alarming.',
  'Cities in the U.S. and the U.K. handle this differently, i.e. through elected mayors with real budgets.',
  'The scheme costs £3.2bn, roughly €3.7bn, and the business case assumes 2.1% growth a year.',
  'Zoë and I went to the consultation at 7.30pm on Tuesday; fewer than 40 people turned up.',
  'Turnout was 31.7%, down from 34.2% in 2019, so nobody has much of a mandate.',
  'Has anyone read the 243-page report? Section 4.2 says the opposite of the headline.',
  'The café on Rue Saint-Honoré closed for the same reason: rates up 12% and footfall down.',
  'São Paulo tried something similar in 2015 and it worked, according to the O Globo piece.',
  'My daughter’s school lost three teachers this term; the head says it’s the worst she’s seen.',
  'The minister said it was “a good deal for taxpayers” — the NAO disagrees, see p. 14.',
  'We need more affordable housing, not more luxury flats at £450k each.',
  'Approx. 60% of respondents opposed it, vs. 35% in the last survey (n = 1,200).',
  'It took 45 minutes to get through on 111, and then they told me to call my GP.',
  'Great piece, thank you. More reporting like this, please.',
  'The A38 averages 27.5 mph at rush hour; a bypass won’t fix that.',
  'Per the ONS, wages grew 1.3% in real terms — hardly a boom.',
  'I’m sceptical. We were promised the same thing in 2015, and in 2019.',
  'The judge described it as “deplorable”; the fine was still only £2,500.',
  'Inflation at 3.9% is above target, but core inflation is falling, i.e. it’s not all bad news.',
  'Mr. O’Neill and Ms. Nguyễn both spoke against the plan at the 10 a.m. session.',
  'The library is the only warm place some people have in winter. Keep it open.',
  'Lovely to read something positive for a change 🙂',
  'Source: https://www.ons.gov.uk/economy/inflationandpriceindices — the table on page 3.',
  'The stadium holds 52,000, up from 38,500; parking for 400 cars is a joke.',
  'Cf. the 2018 report, vol. 2, ch. 3: the same warnings, word for word.',
  'Naïve of the council to think the developer would keep to the 30% affordable target.',
  'Who is actually paying for this? The article doesn’t say.',
  'The 1990–1994 period saw the biggest change, and nobody talks about it.',
];

export function makeRealisticComments(count: number, random: () => number): string[] {
  const comments: string[] = [];
  for (let n = 0; n < count; n++) {
    let body = '';
    while (body.length < 850 + random() * 350) {
      body += sentences[Math.floor(random() * sentences.length)]!;
      body += random() < 0.15 ? '\n\n' : ' ';
    }
    comments.push(body.trim());
  }
  return comments;
}
