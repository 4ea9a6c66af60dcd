'use client';
import { useActionState, useEffect, useId, useState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import type { DraftWarning } from '@/lib/comments/draft-check';
import type { PostedComment } from '@/lib/validation/comment';
import { commentMaxLength } from '@/lib/validation/limits';
import { FieldError, FormStatus } from '@/components/ui/form-status';
import { useAddPostedComment } from './posted-comments';

type State = FormState<'body' | 'articleId' | 'parentId' | 'idempotencyKey' | 'commentId' | 'replaces'> & {
  /** A post's answer: the stored comment, for the page to show where it belongs (posted-comments.tsx). */
  posted?: PostedComment;
};
type Action = (previous: State, formData: FormData) => Promise<State>;

type Props = {
  action: Action;
  /** Live policy check of the draft (debounced), so readers can fix it before posting. */
  check?: (body: string) => Promise<DraftWarning[]>;
  label: string;
  submitLabel: string;
  hidden: Record<string, string>;
  /** Fresh per server render, so the form also works without JavaScript; replaced after each post. */
  idempotencyKey?: string;
  initialBody?: string;
  /** Clear the box after success (compose and reply), or keep it (edit). */
  resetOnDone?: boolean;
  /** Focus the box when it appears (a reply box opened by its link). */
  autoFocus?: boolean;
  /** The state to start from: the notice of a comment posted without JavaScript (the page after its redirect). */
  initialState?: State;
};

function newKey() {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random()}`;
}

export function CommentForm({
  action,
  check,
  label,
  submitLabel,
  hidden,
  idempotencyKey,
  initialBody = '',
  resetOnDone = true,
  autoFocus = false,
  initialState = { status: 'idle' },
}: Props) {
  const [state, submit, pending] = useActionState(action, initialState);
  const echoed = state.status === 'invalid' ? state.values?.body : undefined;
  // After a rejection the server names the rejected comment: sending the corrected text again replaces it.
  const replaces = state.status === 'invalid' ? state.values?.replaces : undefined;
  const [body, setBody] = useState(echoed ?? initialBody);
  const [key, setKey] = useState(idempotencyKey);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.status === 'done' && resetOnDone) {
      setBody('');
      setKey(newKey());
    } else if (echoed !== undefined) setBody(echoed);
    // The rejected comment was stored under the old key: the corrected one is a new submission.
    if (replaces) setKey(newKey());
  }
  const addPosted = useAddPostedComment();
  useEffect(() => {
    if (state.status === 'done' && state.posted) addPosted(state.posted);
  }, [state, addPosted]);
  const [warnings, setWarnings] = useState<{ body: string; list: DraftWarning[] }>({ body: '', list: [] });
  useEffect(() => {
    if (!check || body.trim().length < 2) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      check(body)
        .then((list) => !cancelled && setWarnings({ body, list }))
        .catch(() => {});
    }, 500);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [body, check]);
  const id = useId();
  // A field's error is about the text it was given: once the reader has changed that text (and it is not blank),
  // the error and the form's "fix the field" line go, rather than scolding the corrected text until it is sent.
  const corrected = state.status === 'invalid' && body !== (echoed ?? '') && body.trim() !== '';
  const errors = state.status === 'invalid' && !corrected ? state.fieldErrors.body : undefined;
  const shownState: State =
    corrected && state.status === 'invalid' && Object.keys(state.fieldErrors).length > 0 ? { status: 'idle' } : state;
  const remaining = commentMaxLength - body.length;

  return (
    <form action={submit} className="comment-form" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {key && <input type="hidden" name="idempotencyKey" value={key} />}
      {replaces && <input type="hidden" name="replaces" value={replaces} />}
      <div className="field">
        <label htmlFor={`${id}-body`}>{label}</label>
        <textarea
          id={`${id}-body`}
          name="body"
          dir="auto"
          value={body}
          onChange={(event) => setBody(event.target.value)}
          maxLength={commentMaxLength}
          autoFocus={autoFocus}
          required
          aria-invalid={errors ? true : undefined}
          aria-describedby={`${id}-count${errors ? ` ${id}-error` : ''}`}
        />
        <span id={`${id}-count`} className={`field__hint${remaining < 100 ? ' field__hint--low' : ''}`}>
          {body.length.toLocaleString('en-US')} / {commentMaxLength.toLocaleString('en-US')} characters
        </span>
        <FieldError id={`${id}-error`} errors={errors} />
      </div>
      {warnings.list.length > 0 && warnings.body === body && (
        <div className="draft-check" aria-live="polite">
          <p className="draft-check__title">Before you post: this draft may break our comment policy.</p>
          <ul>
            {warnings.list.map((warning, index) => (
              <li key={index}>
                <strong>{warning.outcome === 'reject' ? 'Would be rejected' : 'Would be held for review'}</strong> under{' '}
                <a href={warning.clauseHref} target="_blank" rel="noopener">
                  {warning.clause}
                </a>
                : {warning.message}
                {warning.spans.slice(0, 3).map((span, s) => (
                  <span key={s} className="draft-check__excerpt">
                    {' '}
                    …{body.slice(Math.max(0, span.start - 20), span.start)}
                    <mark>{body.slice(span.start, span.end)}</mark>
                    {body.slice(span.end, span.end + 20)}…
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      )}
      <FormStatus state={shownState} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Sending…' : submitLabel}
      </button>
    </form>
  );
}
