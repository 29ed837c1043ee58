// A failed request as the sentence to show beside the control that sent it: the server's
// detail (a 409 says what is allowed now), plus each invalid field's message.
import { isApiError } from '#src/lib/api-client.ts';

const FIELD_NAME: Record<string, string> = {
  'body.reply': 'Reply',
  'body.note': 'Note',
  'body.body': 'Comment',
  'body.comment': 'Comment',
  'body.answer': 'Answer',
  'body.for': 'Decision',
};

export function problemText(error: unknown): string {
  if (!error) return '';
  if (isApiError(error)) {
    const fields = error.problem?.errors ?? [];
    if (fields.length > 0) {
      return fields.map((f) => `${FIELD_NAME[f.field] ?? f.field.replace(/^body\./, '')} ${f.message}.`.replace(/\.\.$/, '.')).join(' ');
    }
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
}
