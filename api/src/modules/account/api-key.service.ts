import { newApiKey } from '../../auth/api-key.service';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { BadInputError } from '../../common/errors';
import { assertCan, findVisible } from '../../data/records';
import type { RequestContext } from '../../context/request-context';
import { Grid } from '../grid/grid.entity';
import type { CreateApiKeyInput } from './account.inputs';
import { ApiKey } from './api-key.entity';

export const apiKeyService = {
  list: (ctx: RequestContext, args: ConnectionArgs): Promise<Connection<ApiKey>> => paginate(ctx.em, ApiKey, {}, [{ id: 'desc' }], args),

  /** Returns the key itself once; only its hash is stored. */
  async create(ctx: RequestContext, input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; key: string }> {
    if (input.expiresAt && input.expiresAt.getTime() <= ctx.clock.now().getTime()) {
      throw new BadInputError('The expiry must be in the future', [{ field: 'expiresAt', message: 'in the past' }]);
    }
    const unit = await findVisible(ctx, Grid, input.unitId);
    const { prefix, key, secretHash } = newApiKey();
    const apiKey = Object.assign(new ApiKey(), {
      ...unit.scope,
      unitId: unit.id,
      name: input.name,
      prefix,
      secretHash,
      scopes: [...new Set(input.scopes)],
      createdById: ctx.principal?.accountId ?? null,
      expiresAt: input.expiresAt ?? null,
      rateLimitPerMinute: input.rateLimitPerMinute ?? 600,
    });
    assertCan(ctx, 'create', apiKey);
    await ctx.em.persistAndFlush(apiKey);
    return { apiKey, key };
  },

  async revoke(ctx: RequestContext, id: string): Promise<ApiKey> {
    const apiKey = await findVisible(ctx, ApiKey, id);
    assertCan(ctx, 'deactivate', apiKey);
    apiKey.revokedAt ??= ctx.clock.now();
    await ctx.em.flush();
    // Keys are kept by the digest of the whole key: every process forgets them all.
    ctx.callerChanges.push('*');
    return apiKey;
  },
};
