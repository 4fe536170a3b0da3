import { Migration } from '@mikro-orm/migrations';

/**
 * The API role appends events and nothing more: no UPDATE or DELETE on case_event (the
 * trigger refuses them too), and no access at all to the chain heads, which only the
 * owner's security-definer trigger writes.
 */
export class Migration20261128170000_event_grants extends Migration {
  override async up(): Promise<void> {
    this.addSql(`revoke update, delete, truncate on case_event from gridwatch_app;`);
    this.addSql(`revoke all on case_event_chain from gridwatch_app;`);
  }
}
