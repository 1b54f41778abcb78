// Settings → Test connection on a real 3-master cluster: the topology, the node table and
// sharded pub/sub, with screenshots at 1280×720 and 1920×1080 to look at.
import { startCluster } from '../support/redis-cluster'
import { expect, staff, test } from './support/fixtures'

test('Test connection shows the topology and the nodes of a cluster', async ({ openConsole }) => {
  const cluster = await startCluster()
  try {
    const page = await openConsole(staff('clerk-topology'))
    await page.getByRole('button', { name: 'Settings' }).click()
    const form = page.getByTestId('settings-form')
    await form.getByLabel('Redis URL').fill(cluster.url)
    await expect(form.getByTestId('settings-durability')).toHaveValue('local')
    await form.getByRole('button', { name: 'Test connection' }).click()
    const report = form.getByTestId('probe-report')
    await expect(report).toContainText('Redis Cluster', { timeout: 20_000 })
    await expect(report).toContainText('Sharded pub/sub: available')
    await expect(form.getByTestId('probe-nodes').locator('tbody tr')).toHaveCount(3)
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height })
      await report.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `test-results/settings-topology-${width}x${height}.png` })
    }
  } finally {
    await cluster.stop()
  }
})
