'use client';
// "Approved 1 comment — Undo": the moderator's latest decision, for as long as it can be undone
// (lib/moderation/undo.ts). The page finds it in the database, so the notice shows without JavaScript too; the
// Undo button posts the decision's batch id to the undo action. With JavaScript the notice goes when the window
// ends, `u` presses Undo (queue-keyboard.tsx), and after an undo the focus goes to the first comment put back
// (its card is in the queue again), or to the answer when the card is not in this queue.
import { useActionState, useEffect, useRef, useState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import { FormStatus } from '@/components/ui/form-status';

type State = FormState & { restored?: string[] };
type Props = {
  action: (previous: State, formData: FormData) => Promise<State>;
  undo: { batchId: string; label: string; expiresAt: number; decidedAt: number } | null;
};

export function UndoNotice({ action, undo }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const [expired, setExpired] = useState<string | null>(null);
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setExpired(undo.batchId), Math.max(0, undo.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [undo]);
  useEffect(() => {
    if (state.status === 'idle') return;
    const first = state.restored?.[0];
    const card = first ? document.querySelector<HTMLElement>(`[data-card][data-comment-id="${first}"]`) : null;
    if (card) {
      card.focus();
      card.scrollIntoView({ block: 'nearest' });
    } else answer.current?.querySelector<HTMLElement>('.undo__answer')?.focus();
  }, [state]);
  // An answer about an earlier decision gives way to the notice of a newer one.
  const showAnswer = state.status !== 'idle' && (!undo || ('at' in state && (state.at ?? 0) > undo.decidedAt));
  const live = undo && expired !== undo.batchId;
  return (
    <div className="undo" ref={answer} data-undo={live ? 'open' : 'closed'}>
      {showAnswer && <FormStatusFocusable state={state} />}
      {live && (
        <form action={submit} className="notice notice--ok undo__notice">
          <input type="hidden" name="batchId" value={undo.batchId} />
          <span role="status">{undo.label}</span> —{' '}
          <button type="submit" className="link-button" data-action="undo" disabled={pending}>
            Undo
          </button>{' '}
          <span className="meta">
            (<kbd>u</kbd>, for a few seconds)
          </span>
        </form>
      )}
    </div>
  );
}

function FormStatusFocusable({ state }: { state: State }) {
  return (
    <div tabIndex={-1} className="undo__answer">
      <FormStatus state={state} />
    </div>
  );
}
