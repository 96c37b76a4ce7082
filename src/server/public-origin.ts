/**
 * PUBLIC_ORIGIN: the web address people reach the shop at, for links the server writes into PDFs and mails. Read
 * once, when routes are registered: a value that is not a URL stops the server rather than every PDF or sign-up.
 */
export function publicOriginFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.PUBLIC_ORIGIN;
  return configured ? new URL(configured).origin : undefined;
}
