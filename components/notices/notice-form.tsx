'use client';
// The notice form (DSA Art. 16): works without JavaScript (the action's state comes back with the page), echoes
// what was typed on any refusal and puts each message under its field.
import { useActionState } from 'react';
import type { FormState } from '@/lib/actions/form-state';
import type { NoticeField } from '@/lib/validation/notice';
import { FieldError, FormStatus } from '@/components/ui/form-status';

type State = FormState<NoticeField>;
type Props = {
  action: (previous: State, formData: FormData) => Promise<State>;
  target: { commentId: string | null; articleSlug: string };
  categories: readonly { id: string; label: string }[];
  explanationMin: number;
};

export function NoticeForm({ action, target, categories, explanationMin }: Props) {
  const [state, submit, pending] = useActionState(action, { status: 'idle' } as State);
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  const values = state.status === 'invalid' ? (state.values ?? {}) : {};
  const described = (field: NoticeField, hint?: string) =>
    [hint, errors[field] ? `notice-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <form action={submit} noValidate className="notice-form">
      {target.commentId ? (
        <input type="hidden" name="commentId" value={target.commentId} />
      ) : (
        <input type="hidden" name="articleSlug" value={target.articleSlug} />
      )}
      <FieldError id="notice-commentId-error" errors={errors.commentId} />
      <div className="field">
        <label htmlFor="notice-category">Law or right concerned</label>
        <select
          id="notice-category"
          name="category"
          defaultValue={values.category ?? ''}
          required
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={described('category')}
        >
          <option value="">Choose…</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.label}
            </option>
          ))}
        </select>
        <FieldError id="notice-category-error" errors={errors.category} />
      </div>
      <div className="field">
        <label htmlFor="notice-law">The law or right, in your words (optional unless you chose “Another law”)</label>
        <input
          id="notice-law"
          name="law"
          maxLength={300}
          defaultValue={values.law ?? ''}
          aria-invalid={errors.law ? true : undefined}
          aria-describedby={described('law')}
        />
        <FieldError id="notice-law-error" errors={errors.law} />
      </div>
      <div className="field">
        <label htmlFor="notice-explanation">Why is this content illegal?</label>
        <p id="notice-explanation-hint" className="field__hint">
          Explain precisely what is illegal and why (at least {explanationMin} characters). Quote the words concerned.
        </p>
        <textarea
          id="notice-explanation"
          name="explanation"
          rows={6}
          required
          defaultValue={values.explanation ?? ''}
          aria-invalid={errors.explanation ? true : undefined}
          aria-describedby={described('explanation', 'notice-explanation-hint')}
        />
        <FieldError id="notice-explanation-error" errors={errors.explanation} />
      </div>
      <div className="field">
        <label htmlFor="notice-name">Your name</label>
        <input
          id="notice-name"
          name="name"
          autoComplete="name"
          required
          defaultValue={values.name ?? ''}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={described('name')}
        />
        <FieldError id="notice-name-error" errors={errors.name} />
      </div>
      <div className="field">
        <label htmlFor="notice-email">Your email address</label>
        <p id="notice-email-hint" className="field__hint">
          We send the receipt and the decision here. No account is needed.
        </p>
        <input
          id="notice-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values.email ?? ''}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={described('email', 'notice-email-hint')}
        />
        <FieldError id="notice-email-error" errors={errors.email} />
      </div>
      <div className="field">
        <label className="field__check" htmlFor="notice-good-faith">
          <input
            id="notice-good-faith"
            name="goodFaith"
            type="checkbox"
            required
            defaultChecked={values.goodFaith === 'on'}
            aria-invalid={errors.goodFaith ? true : undefined}
            aria-describedby={errors.goodFaith ? 'notice-goodFaith-error' : undefined}
          />
          I believe, in good faith, that the information and allegations in this notice are accurate and complete.
        </label>
        <FieldError id="notice-goodFaith-error" errors={errors.goodFaith} />
      </div>
      <FormStatus state={state} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Sending…' : 'Send notice'}
      </button>
    </form>
  );
}
