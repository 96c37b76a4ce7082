/** Failed sign-ins per typed e-mail address (see the 2026_12_06_1101 migration). */
export interface SignInFailuresTable {
  email: string;
  failures: number;
  last_failed_at: string;
}

/** Server-made secrets shared by all instances (see the 2026_12_06_1102 migration). */
export interface ServerSecretsTable {
  name: string;
  value: string;
}
