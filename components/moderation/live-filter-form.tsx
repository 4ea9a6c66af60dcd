'use client';
import { useRouter } from 'next/navigation';
import { useRef, type FormEvent, type ReactNode } from 'react';

/**
 * A GET search form that, with JavaScript, updates the results as people type: 300 ms after the last keystroke or
 * choice the URL is replaced with the form's fields (empty ones left out), so the filters stay in the URL, a reload
 * keeps them, and the page is rendered by the server as it is without JavaScript (where the submit button does the
 * same).
 */
export function LiveFilterForm({
  action,
  label,
  className,
  omit = {},
  children,
}: {
  action: string;
  label: string;
  className?: string;
  /** Field values that are the default and stay out of the URL (e.g. order=priority). */
  omit?: Record<string, string>;
  children: ReactNode;
}) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const apply = (form: HTMLFormElement) => {
    clearTimeout(timer.current);
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text && omit[name] !== text) params.set(name, text);
    }
    router.replace(`${action}?${params}`, { scroll: false });
  };
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => apply(form), 300);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  return (
    <form
      action={action}
      method="get"
      role="search"
      aria-label={label}
      className={className}
      onInput={onInput}
      onSubmit={onSubmit}
    >
      {children}
    </form>
  );
}
