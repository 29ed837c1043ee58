// A labelled input of the link pages, marked invalid (with the server's words under it) when
// the problem names its field.
import type { InputHTMLAttributes } from 'react';
import type { ApiError } from '#src/lib/api-client.ts';

export const fieldError = (error: unknown, field: string) =>
  (error as ApiError | null)?.problem?.errors?.find((e) => e.field === `body.${field}`)?.message;

export function LinkField({ id, label, error, ...input }: { id: string; label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error && (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
