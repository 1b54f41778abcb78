// A room with 50,000 bids: the history pages in on demand down to the very first bid, and
// 200 bids a second keep flowing into the open room. Long tasks are recorded and reported
// (test annotations), not asserted: timing belongs to the benchmarks.
import type { Page } from '@playwright/test'
import { expect, openRoom, staff, test } from './support/fixtures'
import type { Stack } from './support/stack'

const BIDS = 50_000

/** Places `count` bids in order, pipelined on one connection; answers the next amount. */
async function placeBids(
  stack: Stack,
  auctionId: string,
  from: number,
  count: number,
): Promise<number> {
  let amount = from
  const answers = []
  for (let i = 0; i < count; i++) {
    answers.push(stack.engine.placeBid({ auctionId, bidderId: `b${amount % 2}`, amount: amount }))
    amount++
  }
  const failed = (await Promise.all(answers)).find((answer) => !answer.ok)
  if (failed) throw new Error(`seeding failed: ${JSON.stringify(failed)}`)
  return amount
}

async function longTasks(page: Page): Promise<{ count: number; maxMs: number }> {
  return page.evaluate(() => {
    const tasks = (window as unknown as { __longTasks: number[] }).__longTasks.splice(0)
    return { count: tasks.length, maxMs: Math.round(Math.max(0, ...tasks)) }
  })
}

test('50,000 bids: history pages in to the first bid while 200 bids a second arrive', async ({
  stack,
  openConsole,
}, testInfo) => {
  test.setTimeout(240_000)
  const auction = await stack.seed({ title: 'Busy lot', startingPrice: '1.00', increment: '0.01' })
  let amount = 100
  for (let seeded = 0; seeded < BIDS; seeded += 1000)
    amount = await placeBids(stack, auction.id, amount, 1000)

  const page = await openConsole(staff('clerk-scale'))
  await page.evaluate(() => {
    const tasks: number[] = []
    ;(window as unknown as { __longTasks: number[] }).__longTasks = tasks
    new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => tasks.push(entry.duration)),
    ).observe({
      type: 'longtask',
    })
  })
  await openRoom(page, auction.title)
  await expect(page.getByTestId('bid-count')).toHaveText(String(BIDS))
  const scroller = page.getByTestId('bid-history')
  const firstCell = (row: ReturnType<Page['getByTestId']>) => row.getByRole('cell').first()
  await expect(firstCell(page.getByTestId('bid-row').first())).toHaveText(String(BIDS))
  const opened = await longTasks(page)

  // Scroll to the bottom again and again: each time an older page loads, until bid #1.
  await expect
    .poll(
      async () => {
        await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
        return firstCell(page.getByTestId('bid-row').last()).textContent()
      },
      { timeout: 180_000, intervals: [50] },
    )
    .toBe('1')
  const scrolled = await longTasks(page)

  // Back to the top, then 200 bids a second for 5 seconds into the open room.
  await scroller.evaluate((element) => element.scrollTo({ top: 0 }))
  const started = Date.now()
  for (let second = 0; second < 5; second++) {
    for (let tick = 0; tick < 10; tick++) {
      const due = started + second * 1000 + tick * 100
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())))
      amount = await placeBids(stack, auction.id, amount, 20)
    }
  }
  await expect(page.getByTestId('bid-count')).toHaveText(String(BIDS + 1000))
  await expect(firstCell(page.getByTestId('bid-row').first())).toHaveText(String(BIDS + 1000))
  const live = await longTasks(page)

  const report = `open room: ${opened.count} long tasks (max ${opened.maxMs} ms); scroll 50,000 bids: ${scrolled.count} (max ${scrolled.maxMs} ms); 200 bids/s for 5 s: ${live.count} (max ${live.maxMs} ms)`
  console.log(report)
  testInfo.annotations.push({ type: 'long tasks', description: report })
})
