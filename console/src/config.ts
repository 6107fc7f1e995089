/**
 * `/config.json`, read once at start: one build serves every stage. Locally the server answers
 * `{ "auth": { "kind": "local" } }`; on AWS the deploy writes the Cognito settings
 * (infra/console.ts), and sign-in is Cognito's hosted UI with code + PKCE.
 */
export type AuthConfig =
  | { kind: 'local' }
  | {
      kind: 'cognito';
      /** The user pool's issuer, e.g. https://cognito-idp.ap-southeast-3.amazonaws.com/<poolId>. */
      authority: string;
      clientId: string;
      /** The hosted UI domain, e.g. https://jalin-prod.auth.ap-southeast-3.amazoncognito.com (for its /logout). */
      domain: string;
    };

export interface ConsoleConfig {
  auth: AuthConfig;
  /** Where the API is reached from the console; same origin. */
  apiBase: string;
  stage?: string;
}

let loaded: ConsoleConfig | undefined;

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const body = (await response.json()) as Partial<ConsoleConfig>;
  loaded = { apiBase: '/api', auth: { kind: 'local' }, ...body } as ConsoleConfig;
  return loaded;
}

export function config(): ConsoleConfig {
  if (!loaded) throw new Error('config.json is not loaded yet');
  return loaded;
}
