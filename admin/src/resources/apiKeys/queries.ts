import type { ResourceSpec } from '../../data/spec';

const row = `id name prefix scopes rateLimitPerMinute expiresAt revokedAt`;

/** API keys of the admin's subtree; created by ApiKeyCreate (the key comes back once), revoked here. */
export const apiKeySpec: ResourceSpec = {
  list: 'apiKeys',
  listFields: () => row,
  remove: 'revokeApiKey',
};
