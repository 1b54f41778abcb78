// A room with 50,000 bids: the history pages in on demand down to the very first bid, and
// 200 bids a second keep flowing into the open room. Long tasks are recorded and reported
// (test annotations), not asserted: timing belongs to the benchmarks.
import type { Page } from '@playwright/test'
import { expect, openAuctions, staff, test } from './support/fixtures'
import {
  chartDrawn,
  describeLongTasks,
  newestBidShown,
  profiled,
  profiling,
  settled,
  startLongTasks,
  takeLongTasks,
} from './support/longTasks'
import type { Stack } from './support/stack'

const BIDS = 50_000

// The trace recorder snapshots the DOM inside the page on every action and watches every
// mutation: its work would be counted as the console's long tasks.
test.use({ trace: 'off' })

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

test('50,000 bids: history pages in to the first bid while 200 bids a second arrive', async ({
  stack,
  openConsole,
  browser,
}, testInfo) => {
  test.setTimeout(240_000)
  const auction = await stack.seed({ title: 'Busy lot', startingPrice: '1.00', increment: '0.01' })
  let amount = 100
  for (let seeded = 0; seeded < BIDS; seeded += 1000)
    amount = await placeBids(stack, auction.id, amount, 1000)

  const page = await openConsole(staff('clerk-scale'))
  await openAuctions(page)
  // The list's own first render is not part of opening the room: let it settle first.
  const lot = page.getByRole('button', { name: auction.title, exact: true })
  await expect(lot).toBeVisible()
  await startLongTasks(page)
  await profiled(browser, page, 'history-scale-open', async () => {
    await lot.click()
    await newestBidShown(page, BIDS)
    await chartDrawn(page)
    await settled(page)
  })
  const opened = await takeLongTasks(page)
  await expect(page.getByTestId('room-title')).toHaveText(auction.title)
  await expect(page.getByTestId('bid-count')).toHaveText(BIDS.toLocaleString('en-US'))
  const scroller = page.getByTestId('bid-history')
  const firstCell = (row: ReturnType<Page['getByTestId']>) => row.getByRole('cell').first()
  await expect(firstCell(page.getByTestId('bid-row').first())).toHaveText(String(BIDS))
  await settled(page)
  await takeLongTasks(page) // the checks above are Playwright's work, not the room's

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
  const scrolled = await takeLongTasks(page)

  // Back to the top, then 200 bids a second for 5 seconds into the open room.
  await scroller.evaluate((element) => element.scrollTo({ top: 0 }))
  await settled(page)
  await takeLongTasks(page)
  await profiled(browser, page, 'history-scale-live', async () => {
    const started = Date.now()
    for (let second = 0; second < 5; second++) {
      for (let tick = 0; tick < 10; tick++) {
        const due = started + second * 1000 + tick * 100
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())))
        amount = await placeBids(stack, auction.id, amount, 20)
      }
    }
    await newestBidShown(page, BIDS + 1000)
    await settled(page)
  })
  const live = await takeLongTasks(page)
  await expect(page.getByTestId('bid-count')).toHaveText((BIDS + 1000).toLocaleString('en-US'))
  await expect(firstCell(page.getByTestId('bid-row').first())).toHaveText(String(BIDS + 1000))

  const report =
    `open room: ${describeLongTasks(opened)}; scroll 50,000 bids: ${describeLongTasks(scrolled)}; ` +
    `200 bids/s for 5 s: ${describeLongTasks(live)}${profiling ? ' (profiling on)' : ''}`
  console.log(report)
  testInfo.annotations.push({ type: 'long tasks', description: report })
})
