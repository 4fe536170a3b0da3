import { asUser, baseUrl, expectText, screenshot } from './browser';
import { apiAs } from './graphql';

const square = (lng: number, lat: number, d = 0.01) => ({
  type: 'Polygon',
  coordinates: [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]],
});
const file = (features: unknown[]) => ({ name: 'boundaries.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })) });

test('a county administrator imports GeoJSON boundaries: every problem listed by feature in Chinese, then the good file', () =>
  asUser('yaohai', async (s) => {
    const api = await apiAs('yaohai');
    const { grids } = await api<{ grids: { nodes: { code: string }[] } }>(`{ grids(first: 1, filter: { level: TOWNSHIP }) { nodes { code } } }`);
    const code = grids.nodes[0].code;
    await s.page.goto(`${baseUrl()}/#/grid-import`);
    const input = s.page.getByTestId('boundary-import-file');
    await input.setInputFiles(
      file([
        { type: 'Feature', properties: { code }, geometry: { type: 'Point', coordinates: [117.3, 31.8] } },
        { type: 'Feature', properties: { code: '340122000000' }, geometry: square(117.3, 31.8) },
      ]),
    );
    const outcome = s.page.getByTestId('boundary-import-outcome');
    await expectText(outcome, /发现 2 处错误，未写入任何边界/);
    await expectText(outcome, /第 1 个要素 \(编码 \d+\): 几何不是有效的面或多面/);
    await expectText(outcome, /第 2 个要素 \(编码 340122000000\): 网格编码不存在或不在辖区内/);
    await screenshot(s.page, 'boundary-import-rejected');
    await input.setInputFiles(file([{ type: 'Feature', properties: { code }, geometry: square(117.33, 31.86) }]));
    await expectText(outcome, '已导入 1 个网格的边界');
    const { gridByCode } = await api<{ gridByCode: { boundarySource: string } }>(`query($code: String!) { gridByCode(code: $code) { boundarySource } }`, { code });
    expect(gridByCode.boundarySource).toBe('IMPORTED');
    expect(s.problems).toEqual([]);
  }));
