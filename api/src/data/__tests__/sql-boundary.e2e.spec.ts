import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { startTestApp, type TestApp } from '../../test/test-app';

/**
 * The lint rule on raw SQL: SQL text that reads or writes a tenant table (every table whose
 * row-level security is forced, read from the database, so a new one is covered at once) may
 * only be written in the data layer: `src/data/` and each module's `*.sql.ts` files, where a
 * reviewer looks for the scope (scope-sql.ts, or why row-level security alone is enough).
 * Outside the request path, the schema's owner (`src/db/`: migrations, seed) and the
 * operators' command-line tools (`src/cli/`) write what they need.
 */
const src = path.join(__dirname, '..', '..');
const allowed = (file: string): boolean => /^(data|db|cli|test)\//.test(file) || file.endsWith('.sql.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** Every string and template literal of a file, with its line (a template's placeholders as `?`). */
function literals(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((span) => `? ${span.literal.text}`)].join('');
    if (text !== null) found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('raw SQL on tenant tables stays in the data layer', () => {
  let app: TestApp;
  let touchesTenantTable: RegExp;

  beforeAll(async () => {
    app = await startTestApp();
    const tables = await app.ownerSql<{ name: string }>(`select relname as name from pg_class where relforcerowsecurity and relkind in ('r', 'p') order by 1`);
    touchesTenantTable = new RegExp(`\\b(from|join|update|into|table)\\s+"?(${tables.map((t) => t.name).join('|')})"?(?![\\w.])`, 'i');
  });
  afterAll(() => app?.close());

  it('knows the tenant tables', () => {
    expect(touchesTenantTable.source).toMatch(/\|case\|/);
    expect(touchesTenantTable.test('select id from "case" where id = ?')).toBe(true);
    expect(touchesTenantTable.test('insert into case_alert (case_id) values (?)')).toBe(true);
    expect(touchesTenantTable.test('select * from case_category')).toBe(false);
  });

  it('finds none outside src/data/ and *.sql.ts', () => {
    const outside = sourceFiles(src)
      .map((file) => path.relative(src, file).split(path.sep).join('/'))
      .filter((file) => !allowed(file))
      .flatMap((file) =>
        literals(path.join(src, file))
          .filter(({ text }) => /\b(select|insert|update|delete|with)\b/i.test(text) && touchesTenantTable.test(text))
          .map(({ line }) => `${file}:${line}`),
      );
    expect(outside).toEqual([]);
  });
});
