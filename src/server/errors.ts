import type { Issue } from '../contract/errors.schema.ts';

/** An error the client caused or may act on; the error handler turns it into `{ error: { code, message, issues } }`. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly issues: Issue[] | undefined;
  readonly details: ErrorDetails | undefined;
  constructor(statusCode: number, code: string, message: string, issues?: Issue[], details?: ErrorDetails) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.issues = issues;
    this.details = details;
  }
}

export type ErrorDetails = Record<string, string | number | boolean | null>;

export function notFound(code: string, message: string): HttpError {
  return new HttpError(404, code, message);
}

export function unauthorized(message = 'Sign in first.'): HttpError {
  return new HttpError(401, 'unauthenticated', message);
}

export function forbidden(message: string): HttpError {
  return new HttpError(403, 'forbidden', message);
}

/** The request was well-formed but names something the catalog or the rules refuse. */
export function unprocessable(code: string, message: string, issues?: Issue[]): HttpError {
  return new HttpError(422, code, message, issues);
}
