// Settings → Test connection on a real 3-master cluster and on a real Sentinel group (a
// primary, a replica, three sentinels): the topology in the status line, the node table and
// sharded pub/sub, with screenshots at 1280×720 and 1920×1080 to look at.
import type { Page } from '@playwright/test'
import { startCluster } from '../support/redis-cluster'
import { startSentinelGroup } from '../support/redis-sentinel'
import { expect, staff, test } from './support/fixtures'

async function testConnection(page: Page, url: string) {
  await page.getByRole('button', { name: 'Settings' }).click()
  const form = page.getByTestId('settings-form')
  await form.getByLabel('Redis URL').fill(url)
  await expect(form.getByTestId('settings-durability')).toHaveValue('local')
  await form.getByRole('button', { name: 'Test connection' }).click()
  return form
}

async function screenshots(page: Page, name: string) {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.getByTestId('probe-report').scrollIntoViewIfNeeded()
    await page.screenshot({ path: `test-results/${name}-${width}x${height}.png` })
  }
}

test('Test connection shows the topology and the nodes of a cluster', async ({ openConsole }) => {
  const cluster = await startCluster()
  try {
    const page = await openConsole(staff('clerk-topology'))
    const form = await testConnection(page, cluster.url)
    await expect(form.getByTestId('settings-note')).toContainText(
      'Connected to a Redis Cluster: Redis 7',
      { timeout: 20_000 },
    )
    await expect(form.getByTestId('probe-report')).toContainText('Sharded pub/sub: available')
    await expect(form.getByTestId('probe-scripts')).toHaveText(
      'Engine scripts: Redis Functions (loaded once on each primary)',
    )
    const rows = form.getByTestId('probe-nodes').locator('tbody tr')
    await expect(rows).toHaveCount(3)
    for (const row of await rows.all()) await expect(row).toContainText('primary')
    await screenshots(page, 'settings-topology')
  } finally {
    await cluster.stop()
  }
})

test('Test connection names a Sentinel group, its primary, replica and sentinels', async ({
  openConsole,
}) => {
  const group = await startSentinelGroup()
  try {
    const page = await openConsole(staff('clerk-sentinel'))
    const form = await testConnection(page, group.url)
    await expect(form.getByTestId('settings-note')).toContainText(
      `Connected to a Sentinel group (master name ${group.masterName}): Redis 7`,
      { timeout: 20_000 },
    )
    const rows = form.getByTestId('probe-nodes').locator('tbody tr')
    await expect(rows).toHaveCount(5)
    const roles = await rows.locator('td:nth-child(2)').allTextContents()
    expect(roles.sort()).toEqual(['primary', 'replica', 'sentinel', 'sentinel', 'sentinel'])
    await expect(rows.filter({ hasText: 'primary' })).toContainText(
      `127.0.0.1:${group.primary.port}`,
    )
    await screenshots(page, 'settings-sentinel')
  } finally {
    await group.stop()
  }
})
