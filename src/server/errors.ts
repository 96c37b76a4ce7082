import type { Issue } from '../contract/errors.schema.ts';

/** An error the client caused or may act on; the error handler turns it into `{ error: { code, message, issues } }`. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly issues: Issue[] | undefined;
  constructor(statusCode: number, code: string, message: string, issues?: Issue[]) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.issues = issues;
  }
}

export function notFound(code: string, message: string): HttpError {
  return new HttpError(404, code, message);
}
