import { describe, expect, test } from 'vitest';
import {
  extractEdition,
  readSharedThreadMode,
  sharedThreadHeaderValue,
  spliceEdition,
} from '@/lib/cache/shared-thread';

describe('the signed-in split (lib/cache/shared-thread.ts)', () => {
  test('server.ts signs its header; a reader cannot forge an offer or an edition request', () => {
    const offer = sharedThreadHeaderValue({ kind: 'offer', renderedAt: 1234 });
    expect(readSharedThreadMode(offer)).toEqual({ kind: 'offer', renderedAt: 1234 });
    expect(readSharedThreadMode(sharedThreadHeaderValue({ kind: 'edition' }))).toEqual({ kind: 'edition' });
    expect(readSharedThreadMode('edition')).toBeNull();
    expect(readSharedThreadMode('edition forged-token')).toBeNull();
    expect(readSharedThreadMode(offer.replace('offer', 'edition').replace(' 1234', ''))).toBeNull();
    expect(readSharedThreadMode(`offer 99 ${offer.split(' ')[2]}x`)).toBeNull();
    expect(readSharedThreadMode(null)).toBeNull();
  });

  test('the list comes out of an edition render without scripts, with the time it was read', () => {
    const html =
      '<html><body><script nonce="n">self.__next_f=1</script>' +
      '<div data-shared-thread="edition" data-rendered-at="1700000000000"><ol class="comment-list"><li>a</li>' +
      '<script>replay()</script><li><div>b</div></li></ol></div><div data-shared-thread-end=""></div></body></html>';
    expect(extractEdition(html)).toEqual({
      html: '<ol class="comment-list"><li>a</li><li><div>b</div></li></ol>',
      renderedAt: 1700000000000,
    });
    expect(extractEdition('<div data-shared-thread="edition" data-rendered-at="1">unfinished')).toBeNull();
    expect(extractEdition('<main>an ordinary page</main>')).toBeNull();
  });

  test('the list goes into the empty slot; a page rendered whole has none and is left alone', () => {
    const page = '<section><div data-shared-thread="slot"></div><p>after</p></section>';
    expect(spliceEdition(page, '<ol><li>x</li></ol>')).toBe(
      '<section><div data-shared-thread="slot"><ol><li>x</li></ol></div><p>after</p></section>',
    );
    expect(spliceEdition('<section><ol><li>x</li></ol></section>', '<ol></ol>')).toBeNull();
  });
});
