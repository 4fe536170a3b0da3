import { asUser, baseUrl, expectCount, expectText, screenshot } from './browser';
import { apiAs } from './graphql';

/** Issue 5's spot checks (双随机一公开): a campaign defined by the city inspector is drawn, replayed, recorded and published in the console. */
test('a city inspector draws a campaign, replays the draw, records a result, completes and publishes it', async () => {
  const api = await apiAs('inspector');
  const { officers } = await api<{ officers: { nodes: { id: string }[] } }>(`{ officers(first: 100) { nodes { id } } }`);
  const title = `重点污染源双随机抽查 ${Date.now()}`;
  const { createSpotCheckCampaign: campaign } = await api<{ createSpotCheckCampaign: { id: string } }>(
    `mutation($input: CreateSpotCheckCampaignInput!) { createSpotCheckCampaign(input: $input) { id } }`,
    { input: { title, population: { supervisionLevels: ['KEY'] }, stratification: 'UNIT', sampleSize: 1, inspectorPoolIds: officers.nodes.map((o) => o.id) } },
  );

  await asUser('inspector', async (s) => {
    await s.page.goto(`${baseUrl()}/#/spotChecks`);
    await s.page.getByRole('cell', { name: title }).waitFor();
    await screenshot(s.page, 'spot-check-list');
    await s.page.goto(`${baseUrl()}/#/spotChecks/${encodeURIComponent(campaign.id)}/show`);
    await s.page.getByRole('button', { name: '随机抽取' }).click();
    const items = s.page.getByTestId('spot-item');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThan(3);
    // Numbered from 1; the stratum (here the county, by its code) in words, never a raw key.
    expect((await items.first().locator('td').first().textContent())?.trim()).toBe('1');
    expect(await items.first().locator('td').nth(2).textContent()).toMatch(/^\d{6,12}$/);
    await s.page.getByRole('button', { name: '复现抽取' }).click();
    await expectText(s.page.getByTestId('spot-replay-result'), /复现一致/);
    await screenshot(s.page, 'spot-check-drawn');
    // Record a compliant result on the first check.
    await items.first().getByRole('button', { name: '录入结果' }).click();
    await s.page.getByRole('button', { name: '提交' }).click();
    await expectText(items.first().getByTestId('spot-item-result'), '未发现问题');
    await expectCount(s.page.getByRole('button', { name: '录入结果' }), (await items.count()) - 1);
    // The other checks get their results through the API (as the inspectors' phones would), then the console completes and publishes.
    const { spotCheckCampaign } = await api<{ spotCheckCampaign: { items: { nodes: { id: string; result: string | null }[] } } }>(
      `query($id: ID!) { spotCheckCampaign(id: $id) { items(first: 100) { nodes { id result } } } }`,
      { id: campaign.id },
    );
    for (const item of spotCheckCampaign.items.nodes.filter((i) => !i.result)) {
      await api(`mutation($input: RecordSpotCheckResultInput!) { recordSpotCheckResult(input: $input) { id } }`, { input: { itemId: item.id, result: 'COMPLIANT' } });
    }
    await s.page.reload();
    await expectCount(s.page.getByRole('button', { name: '录入结果' }), 0);
    await s.page.getByRole('button', { name: '完成' }).click();
    await s.page.getByRole('button', { name: '公开结果' }).click();
    await s.page.getByText('已公开').first().waitFor();
    await screenshot(s.page, 'spot-check-published');
    expect(s.problems).toEqual([]);
    expect(s.external).toEqual([]);
  });
});
