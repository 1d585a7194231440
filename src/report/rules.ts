// Metadata for every rule, in one place: every reporter reads its names, descriptions and levels here.
import type { RuleId } from '../types.ts';

export type RuleSeverity = 'error' | 'warning';

export interface RuleMeta {
  id: RuleId;
  /** PascalCase name, as SARIF viewers show it. */
  name: string;
  shortDescription: string;
  fullDescription: string;
  /** What to do about it, as plain text. */
  help: string;
  defaultSeverity: RuleSeverity;
  /** True when a finding of this rule is a request (or builds one), so its endpoint and scope matter. */
  describesCall: boolean;
  helpUri?: string;
}

const MIGRATION_GUIDE = 'https://developer.bigcommerce.com/docs/start/authentication/api-accounts';

const RULES: Record<RuleId, RuleMeta> = {
  'legacy-api-call': {
    id: 'legacy-api-call',
    name: 'LegacyApiCall',
    shortDescription: 'HTTP request to a store host /api/v2 with basic auth',
    fullDescription:
      "An HTTP request goes to a store's own host under /api/v2/ and authenticates with a legacy API " +
      "account's username and API key (HTTP basic auth). Legacy API accounts are deprecated.",
    help:
      'Send the request to https://api.bigcommerce.com/stores/{store_hash}/v2/... instead, with an ' +
      'X-Auth-Token header holding an OAuth access token (read from the environment) and Accept: ' +
      'application/json; drop the basic auth and any .json suffix. `bc-oauth-migrate fix` does this ' +
      'for you, and the scope report lists the scopes the new API account needs.',
    defaultSeverity: 'error',
    describesCall: true,
    helpUri: MIGRATION_GUIDE,
  },
  'legacy-request-wrapper': {
    id: 'legacy-request-wrapper',
    name: 'LegacyRequestWrapper',
    shortDescription: 'Function that builds legacy basic-auth requests from its parameters',
    fullDescription:
      'A function or method builds requests to a store host /api/v2 with basic auth from its ' +
      'parameters. Every caller of it talks to the legacy API.',
    help:
      'Change the wrapper once: build https://api.bigcommerce.com/stores/{store_hash}/v2 URLs and send ' +
      'an X-Auth-Token header instead of basic auth. Check its call sites for the endpoints they use, ' +
      'so the new API account gets every scope they need.',
    defaultSeverity: 'error',
    describesCall: true,
    helpUri: MIGRATION_GUIDE,
  },
  'legacy-client-config': {
    id: 'legacy-client-config',
    name: 'LegacyClientConfig',
    shortDescription: 'HTTP client instance configured for a store host with basic auth',
    fullDescription:
      'A client instance (axios.create, got.extend, ...) is configured with a store host base URL and ' +
      'basic auth, so every request made through it uses the legacy API account.',
    help:
      'Set the base URL to https://api.bigcommerce.com/stores/{store_hash}/v2, replace the auth option ' +
      'with an X-Auth-Token header read from the environment, and set Accept: application/json.',
    defaultSeverity: 'error',
    describesCall: false,
    helpUri: MIGRATION_GUIDE,
  },
  'legacy-credentials-config': {
    id: 'legacy-credentials-config',
    name: 'LegacyCredentialsConfig',
    shortDescription: 'Config file holding a legacy store URL with a username and API key',
    fullDescription:
      'A configuration file (.env, YAML or JSON) holds a legacy store API URL beside a username and an ' +
      'API key: the settings of a legacy API account.',
    help:
      'Replace the legacy settings with the store hash and an OAuth access token (for example ' +
      'BIGCOMMERCE_STORE_HASH and BIGCOMMERCE_ACCESS_TOKEN). Keep the token out of committed files, ' +
      'then rotate and delete the legacy API account.',
    defaultSeverity: 'error',
    describesCall: false,
    helpUri: MIGRATION_GUIDE,
  },
  'legacy-api-url': {
    id: 'legacy-api-url',
    name: 'LegacyApiUrl',
    shortDescription: 'Config value holding a legacy API URL',
    fullDescription:
      "A configuration value (.env, YAML or JSON) holds a URL of the legacy API (a store's own host " +
      'under /api/v2/). Code that reads it talks to the legacy API, even where that code cannot be ' +
      'followed statically.',
    help:
      'Find the code that reads this value and move its requests to ' +
      'https://api.bigcommerce.com/stores/{store_hash}/v2/... with an X-Auth-Token header; then ' +
      'replace the value with the store hash. The path names the resource, so its scope is listed ' +
      '(a write is assumed, since the method is not known).',
    defaultSeverity: 'error',
    describesCall: false,
    helpUri: MIGRATION_GUIDE,
  },
  'hardcoded-credential': {
    id: 'hardcoded-credential',
    name: 'HardcodedCredential',
    shortDescription: 'Credential written into code or config',
    fullDescription:
      'A legacy API key, password or pre-encoded basic-auth token is written into the source or a ' +
      'committed config file. Anyone who can read the repository can use it.',
    help:
      'Read the credential from the environment or a secret store instead, treat the committed value ' +
      'as leaked: rotate it, and delete the legacy API account once the migration is done.',
    defaultSeverity: 'error',
    describesCall: false,
  },
  'legacy-library-config': {
    id: 'legacy-library-config',
    name: 'LegacyLibraryConfig',
    shortDescription: 'Official BigCommerce client library configured for basic auth',
    fullDescription:
      'An official client library (PHP, Python or Ruby) is configured with a store URL, username and ' +
      'API key: its legacy basic-auth mode.',
    help:
      "Configure the library's OAuth mode instead: store hash, access token from the environment, and " +
      'the client id where the library asks for one.',
    defaultSeverity: 'error',
    describesCall: false,
    helpUri: MIGRATION_GUIDE,
  },
  'suppression-without-reason': {
    id: 'suppression-without-reason',
    name: 'SuppressionWithoutReason',
    shortDescription: 'Suppression comment without a reason',
    fullDescription:
      'A bc-oauth-migrate-ignore comment gives no reason, so a reviewer cannot tell why the legacy ' +
      'usage it hides is acceptable.',
    help: 'Write the reason after the directive, e.g. `// bc-oauth-migrate-ignore-next-line test fixture only`.',
    defaultSeverity: 'warning',
    describesCall: false,
  },
  'unused-suppression': {
    id: 'unused-suppression',
    name: 'UnusedSuppression',
    shortDescription: 'Suppression comment that suppresses nothing',
    fullDescription: 'A bc-oauth-migrate-ignore comment no longer matches any finding.',
    help: 'Delete the comment; the code it covered no longer uses legacy auth.',
    defaultSeverity: 'warning',
    describesCall: false,
  },
};

/** Every rule, in a fixed order (the order SARIF rule indexes follow). */
export const ruleList: readonly RuleMeta[] = Object.values(RULES);

export function ruleMeta(id: RuleId): RuleMeta {
  return RULES[id];
}
