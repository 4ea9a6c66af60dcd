'use client';
// Where server.ts puts a story's shared list of threads (issue 20's signed-in split: lib/cache/shared-thread.ts).
// The server renders this slot empty and server.ts splices the list into the HTML; React never fills it and does not
// patch dangerouslySetInnerHTML when it hydrates, and the constant below is the same object on every render, so a
// re-render leaves it alone too. The list works without JavaScript as it is (links, forms posting server actions);
// with JavaScript this island makes it behave as the rest of the page does: reply and report links navigate on the
// client (that render carries the whole list, replacing this slot), reactions and mutes call their server actions
// (their buttons submit the list's one reaction form or one mute form, naming the comment).
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';

const filledByServer = { __html: '' };

type Props = {
  /** The version of the story's comments the page read (lib/data/shared-thread.ts): server.ts puts in that list. */
  version: string;
  react: (formData: FormData) => Promise<void>;
  mute?: (formData: FormData) => Promise<void>;
};

export function SharedThread({ version, react, mute }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const [, startTransition] = useTransition();

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = (event.target as Element | null)?.closest?.('a.comment__action');
      const href = link?.getAttribute('href');
      // Reply, report and close links stay on this story (the page's own query); other links load as usual.
      if (!link || !href || !href.startsWith(window.location.pathname + '?')) return;
      event.preventDefault();
      router.push(href, { scroll: false });
    };
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target as HTMLFormElement;
      // The list's buttons submit its one reaction form or one mute form, naming their comment.
      const button = event.submitter;
      const action = button?.classList.contains('comment__react')
        ? react
        : button?.classList.contains('comment__mute')
          ? mute
          : null;
      if (event.defaultPrevented || !action) return;
      event.preventDefault();
      const data = new FormData(form, button);
      startTransition(async () => {
        await action(data);
      });
    };
    root.addEventListener('click', onClick);
    root.addEventListener('submit', onSubmit);
    return () => {
      root.removeEventListener('click', onClick);
      root.removeEventListener('submit', onSubmit);
    };
  }, [router, react, mute]);

  return <div ref={ref} data-shared-thread="slot" data-version={version} dangerouslySetInnerHTML={filledByServer} />;
}
