import type { z } from 'zod';
import { errorResponseSchema, type ErrorResponse, type Issue } from '../contract/index.ts';

type ErrorDetails = NonNullable<ErrorResponse['error']['details']>;

/** An API reply that was not a success; carries the server's stable code and the paths it named. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: Issue[];
  /** Figures the client may act on, e.g. the existing customer's id of an `already_customer`. */
  readonly details: ErrorDetails;
  constructor(
    status: number,
    code: string,
    message: string,
    issues: Issue[] = [],
    details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.details = details;
  }
}

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
}

/** The server's error reply as an ApiError. */
async function replyError(response: Response): Promise<ApiError> {
  const parsed = errorResponseSchema.safeParse(await response.json().catch(() => undefined));
  return parsed.success
    ? new ApiError(
        response.status,
        parsed.data.error.code,
        parsed.data.error.message,
        parsed.data.error.issues,
        parsed.data.error.details,
      )
    : new ApiError(response.status, 'http', `The server answered ${response.status}.`);
}

/** The reply's JSON checked against the schema, or the server's error as an ApiError. */
async function readReply<S extends z.ZodType>(
  response: Response,
  url: string,
  schema: S,
): Promise<z.infer<S>> {
  // 204 No Content has no body; `null` lets a `z.null()` schema accept it.
  if (!response.ok) throw await replyError(response);
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(
      response.status,
      'contract',
      `Unexpected reply from ${url}: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  return parsed.data;
}

/**
 * Fetches JSON and checks it against the contract schema, so a server/client mismatch surfaces as a clear error
 * instead of a broken page.
 */
export async function getJson<S extends z.ZodType>(
  url: string,
  schema: S,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  const response = await request(url, { signal, headers: { accept: 'application/json' } });
  return readReply(response, url, schema);
}

/** Fetches a binary reply (application/octet-stream), whose reader checks it; errors as getJson. */
export async function getBytes(url: string, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await request(url, { signal, headers: { accept: 'application/octet-stream' } });
  if (!response.ok) throw await replyError(response);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Sends a JSON body (or none) with the given method and checks the reply like getJson. The session is a
 * same-origin HTTP-only cookie, which fetch sends by default.
 */
export async function sendJson<S extends z.ZodType>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body: unknown,
  schema: S,
): Promise<z.infer<S>> {
  const response = await request(url, {
    method,
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return readReply(response, url, schema);
}
