import { describe, expect, test } from 'vitest';
import {
  extractEdition,
  fillSlot,
  findSlot,
  readSharedThreadMode,
  sharedThreadHeaderValue,
} from '@/lib/cache/shared-thread';

describe('the signed-in split (lib/cache/shared-thread.ts)', () => {
  test('server.ts signs its header; a reader cannot forge an offer or an edition request', () => {
    const offer = sharedThreadHeaderValue({ kind: 'offer' });
    const edition = sharedThreadHeaderValue({ kind: 'edition' });
    expect(readSharedThreadMode(offer)).toEqual({ kind: 'offer' });
    expect(readSharedThreadMode(edition)).toEqual({ kind: 'edition' });
    expect(readSharedThreadMode('edition')).toBeNull();
    expect(readSharedThreadMode('edition forged-token')).toBeNull();
    // Each kind has its own token: an offer's cannot ask for an edition.
    expect(readSharedThreadMode(`edition ${offer.split(' ')[1]}`)).toBeNull();
    expect(readSharedThreadMode(`${offer} extra`)).toBeNull();
    expect(readSharedThreadMode(null)).toBeNull();
  });

  test('the list comes out of an edition render without scripts', () => {
    const html =
      '<html><body><script nonce="n">self.__next_f=1</script>' +
      '<div data-shared-thread="edition"><ol class="comment-list"><li>a</li>' +
      '<script>replay()</script><li><div>b</div></li></ol></div><div data-shared-thread-end=""></div></body></html>';
    expect(extractEdition(html)).toBe('<ol class="comment-list"><li>a</li><li><div>b</div></li></ol>');
    expect(extractEdition('<div data-shared-thread="edition">unfinished')).toBeNull();
    expect(extractEdition('<main>an ordinary page</main>')).toBeNull();
  });

  test('the list goes into the empty slot with the version the page read; a page rendered whole has none', () => {
    const page = '<section><div data-shared-thread="slot" data-version="3.0.12.1700"></div><p>after</p></section>';
    const slot = findSlot(page);
    expect(slot?.version).toBe('3.0.12.1700');
    expect(fillSlot(page, slot!, '<ol><li>x</li></ol>')).toBe(
      '<section><div data-shared-thread="slot" data-version="3.0.12.1700"><ol><li>x</li></ol></div><p>after</p></section>',
    );
    expect(findSlot('<section><ol><li>x</li></ol></section>')).toBeNull();
  });
});
