import { PassThrough } from 'node:stream';
import { cellText, writeCsv } from '../export-writers';
import type { CellValue, ColumnInfo } from '../export-list';

const columns: ColumnInfo[] = [
  { key: 'name', zh: '名称', en: 'Name', type: 'text' },
  { key: 'count', zh: '数量', en: 'Count', type: 'number' },
];

async function csvOf(rows: CellValue[][]): Promise<string[]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  async function* batches() {
    yield rows;
  }
  await writeCsv(out, columns, 'en', batches());
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
}

describe('CSV export cells', () => {
  it('quotes text that a spreadsheet would run as a formula, and leaves numbers and plain text alone', async () => {
    const lines = await csvOf([['=HYPERLINK("http://x")', -5], ['+1', 3], ['-2+3', 0], ['@SUM(A1)', 1], ['\t=1', 2], ['合肥市排污单位', -1.5], ['a=b', 4]]);
    expect(lines).toEqual([
      'Name,Count',
      `"'=HYPERLINK(""http://x"")",-5`,
      "'+1,3",
      "'-2+3,0",
      "'@SUM(A1),1",
      "'\t=1,2",
      '合肥市排污单位,-1.5',
      'a=b,4',
    ]);
  });

  it('strips controls and bidirectional overrides that text stored before the input rules may hold, then quotes formulas', async () => {
    const lines = await csvOf([['invoice\u202Etxt.exe', 1], ['a\u0007b\u2066c\u2069', 2], ['\u0001=1+1', 3], ['一行\n两行', 4]]);
    expect(lines).toEqual(['Name,Count', 'invoicetxt.exe,1', 'abc,2', "'=1+1,3", '"一行', '两行",4']);
    // XLSX cells are written from the same text.
    expect(cellText('x\u202Ey\u007f', 'text', 'zh')).toBe('xy');
  });
});
