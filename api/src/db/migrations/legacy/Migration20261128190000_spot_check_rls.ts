import { Migration } from '@mikro-orm/migrations';
import { rowLevelSecuritySql, tenantCondition } from '../../rls-sql';

/**
 * Spot checks under row-level security. A campaign belongs to its unit; a check to its
 * source's territory. A county also reads a (city) campaign that has checks it can see,
 * so it sees the checks on its own sources, never the others. Draws follow their campaign.
 * The public list of published results is readable by anyone; only a unit that can see the
 * campaign writes it.
 */
export class Migration20261128190000_spot_check_rls extends Migration {
  override async up(): Promise<void> {
    rowLevelSecuritySql('spot_check_campaign', tenantCondition('unit_id')).forEach((sql) => this.addSql(sql));
    rowLevelSecuritySql('spot_check_item', tenantCondition('grid_id')).forEach((sql) => this.addSql(sql));
    this.addSql(`create policy spot_check_campaign_sampled on spot_check_campaign for select to gridwatch_app
      using (exists (select 1 from spot_check_item i where i.campaign_id = spot_check_campaign.id));`);
    rowLevelSecuritySql('spot_check_draw', `exists (select 1 from spot_check_campaign c where c.id = campaign_id)`).forEach((sql) => this.addSql(sql));

    this.addSql(`alter table spot_check_publication enable row level security;`);
    this.addSql(`alter table spot_check_publication force row level security;`);
    this.addSql(`create policy spot_check_publication_public on spot_check_publication for select to gridwatch_app using (true);`);
    this.addSql(`create policy spot_check_publication_write on spot_check_publication for insert to gridwatch_app
      with check (exists (select 1 from spot_check_campaign c where c.id = campaign_id));`);
    this.addSql(`create policy spot_check_publication_owner on spot_check_publication to current_user using (true) with check (true);`);
  }
}
