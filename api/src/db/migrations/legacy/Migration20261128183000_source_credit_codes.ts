import { Migration } from '@mikro-orm/migrations';

/**
 * Credit codes are unique city-wide, but a county only sees its own sources. The source
 * import asks which of a file's codes are already registered anywhere, so a code taken in
 * another county becomes a row error instead of a failed insert. It answers only whether a
 * code is taken (统一社会信用代码 are public), never where or by which source.
 */
export class Migration20261128183000_source_credit_codes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function gw_source_credit_codes_taken(p_codes text[]) returns setof text
      language sql stable security definer set search_path = public as $$
        select credit_code::text from pollution_source where credit_code = any(p_codes)
      $$;`);
    this.addSql(`revoke all on function gw_source_credit_codes_taken(text[]) from public;`);
    this.addSql(`grant execute on function gw_source_credit_codes_taken(text[]) to gridwatch_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists gw_source_credit_codes_taken(text[]);`);
  }
}
