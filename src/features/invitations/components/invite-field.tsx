// A labelled control of an invitation form, marked invalid with the server's words (or the
// form's own) under it when its field is named.
import type { ReactNode } from 'react';
import { isApiError } from '#src/lib/api-client.ts';

/** The server's message for `body.<field>`, if the problem names it. */
export const serverFieldError = (error: unknown, field: string) =>
  isApiError(error) ? error.problem?.errors?.find((e) => e.field === `body.${field}`)?.message : undefined;

/** The problem's own words when it names no field of the form. */
export const unnamedProblem = (error: unknown, fields: readonly string[]) =>
  !error ? null : isApiError(error) && error.problem?.errors?.some((e) => fields.includes(e.field.replace(/^body\./, ''))) ? null : (error as Error).message;

export function InviteField({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span className="invite-field__error" id={`${id}-error`}>
          {label}: {error}
        </span>
      ) : (
        hint && <span className="invite-field__hint">{hint}</span>
      )}
    </div>
  );
}

/** The attributes that tie an input to its error. */
export const invalidProps = (id: string, error?: string) => ({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined });
