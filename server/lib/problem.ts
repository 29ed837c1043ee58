// RFC 9457 problem details. Every 4xx/5xx leaves the server in this shape.
import type { FastifyReply } from 'fastify';

export interface FieldError {
  field: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Unprocessable',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Unavailable',
};

/** An error a route throws on purpose; the error handler turns it into problem+json. */
export class HttpProblem extends Error {
  constructor(
    public status: number,
    public detail: string,
    public errors?: FieldError[],
    public headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

export const notFound = (what: string) => new HttpProblem(404, `${what} was not found, or you may not see it.`);

/** Seconds a client waits before trying again when a part the server needs is not answering. */
export const RETRY_AFTER_SECONDS = 5;

/** An outage, not the request's fault nor a bug: 503, with when to try again. */
export const unavailable = (detail: string, retryAfterSeconds = RETRY_AFTER_SECONDS) =>
  new HttpProblem(503, detail, undefined, { 'Retry-After': String(retryAfterSeconds) });

/** The problem document itself, for a route that adds members of its own (RFC 9457 extensions). */
export function problemBody(status: number, detail: string, errors?: FieldError[]) {
  return {
    type: status === 400 ? 'https://workdiary.dev/problems/validation' : 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, status: number, detail: string, errors?: FieldError[]) {
  return reply.code(status).type('application/problem+json').send(problemBody(status, detail, errors));
}
