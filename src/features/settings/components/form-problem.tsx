// A refused change in the server's words, with the fields it names.
import { isApiError } from '#src/lib/api-client.ts';

const FIELD_NAMES: Record<string, string> = {
  'body.name': 'Name',
  'body.timeZone': 'Time zone',
  'body.currentPassword': 'Current password',
  'body.newPassword': 'New password',
  'body.code': 'Code',
  'body.password': 'Password',
};

export function FormProblem({ error }: { error: Error | null }) {
  if (!error) return null;
  const fields = isApiError(error) ? (error.problem?.errors ?? []) : [];
  return (
    <div className="alert alert--error" role="alert">
      {error.message}
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.field}>
              {FIELD_NAMES[f.field] ?? f.field}: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
