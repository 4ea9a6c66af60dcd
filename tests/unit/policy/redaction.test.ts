import { describe, expect, it } from 'vitest';
import { redact, removedMarker, removedParts, splitAtMarkers } from '@/lib/policy/redaction';

const original = 'Great piece. Call me on 07700 900123 and I will tell you more about the council.';

describe('redact: an edit may only remove', () => {
  it('replaces a span marked [removed] with the marker, keeping the rest verbatim', () => {
    const result = redact(original, 'Great piece. Call me on [removed] and I will tell you more about the council.');
    expect(result).toEqual({
      ok: true,
      body: `Great piece. Call me on ${removedMarker} and I will tell you more about the council.`,
      removed: ['07700 900123'],
    });
  });

  it('marks a plain deletion too, so every removal shows where it was made', () => {
    const result = redact(original, 'Great piece. Call me on and I will tell you more about the council.');
    expect(result.ok && result.body).toBe(
      `Great piece. Call me on ${removedMarker} and I will tell you more about the council.`,
    );
    expect(result.ok && result.removed).toEqual(['07700 900123']);
  });

  it('removes part of a token run (digits inside punctuation) and several stretches at once', () => {
    const result = redact('Ring 555-0199. Or email me at sam@example.org today.', 'Ring [removed]. Or email me today.');
    expect(result).toEqual({
      ok: true,
      body: `Ring ${removedMarker}. Or email me ${removedMarker} today.`,
      removed: ['555-0199', 'at sam@example.org'],
    });
  });

  it('ignores spacing and line breaks in the edit: the original’s layout is kept', () => {
    const result = redact('First line.\n\nSecond line, with 0123 456.', 'First   line.\nSecond line, with [removed].');
    expect(result.ok && result.body).toBe(`First line.\n\nSecond line, with ${removedMarker}.`);
  });

  it('accepts either marker spelling, in any case, and two markers side by side as one', () => {
    const a = redact(original, 'Great piece. Call me on [REMOVED] [removed by a moderator] and I will tell you more.');
    expect(a.ok && a.removed).toEqual(['07700 900123', 'about the council']);
  });

  it('refuses an added word', () => {
    const result = redact(
      original,
      'Great piece. Do not call me on [removed] and I will tell you more about the council.',
    );
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('“Do”') });
  });

  it('refuses a changed word, a changed letter and reordered words', () => {
    expect(redact('I do not agree with her.', 'I do agree with him.').ok).toBe(false);
    expect(redact('The mayor is unhappy.', 'The mayor is happy.').ok).toBe(false);
    expect(redact('Alice beat Bob at chess.', 'Bob beat Alice at chess.').ok).toBe(false);
  });

  it('refuses added punctuation (a question mark turns a statement round)', () => {
    expect(redact('He resigned. Good.', 'He resigned. Good?').ok).toBe(false);
  });

  it('refuses an edit that removes nothing or everything, and a marker where nothing was removed', () => {
    expect(redact(original, original)).toMatchObject({
      ok: false,
      message: expect.stringContaining('Nothing was removed'),
    });
    expect(redact(original, '[removed]')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Nothing would be left'),
    });
    expect(redact('Short and sweet.', 'Short and sweet. [removed]')).toMatchObject({
      ok: false,
      message: expect.stringContaining('nothing was removed'),
    });
  });

  it('places a marker’s removal where the marker stands when a word repeats', () => {
    const result = redact('the cat saw the dog', '[removed] the dog');
    expect(result).toEqual({ ok: true, body: `${removedMarker} the dog`, removed: ['the cat saw'] });
  });

  it('handles letters beyond ASCII as words', () => {
    const result = redact('Ça coûte 30 € à Zürich, appelle 0612345678.', 'Ça coûte 30 € à Zürich, appelle [removed].');
    expect(result.ok && result.removed).toEqual(['0612345678']);
  });
});

describe('removedParts and splitAtMarkers', () => {
  it('finds again, from the published body, what was removed', () => {
    const cases = [
      ['the cat saw the dog', '[removed] the dog'],
      ['a b a c a', 'a [removed] a'],
      ['Ring 555-0199. Or email me at sam@example.org today.', 'Ring . Or email me today.'],
      [original, 'Great piece. Call me on and I will tell you more.'],
    ];
    for (const [text, edit] of cases) {
      const made = redact(text, edit);
      if (!made.ok) throw new Error(made.message);
      expect(removedParts(text, made.body)).toEqual(made.removed);
    }
  });

  it('cuts a body at its markers', () => {
    expect(splitAtMarkers(`Call ${removedMarker} now`)).toEqual([
      { text: 'Call ', removed: false },
      { text: removedMarker, removed: true },
      { text: ' now', removed: false },
    ]);
  });
});
