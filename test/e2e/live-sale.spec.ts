// A whole live sale of five lots, as a saleroom runs it: two clerk consoles, an online
// bidder's tab and the room display (opened from the clerk's screen with its display-only
// link). Floor key, an internet bid arriving, fair warning, sold (one floor leader asked for
// a paddle), one undo, one pass, one reopen; the room display follows every step and never
// shows the reserve or a bidder. Screenshots at 1280×720 and 1920×1080 in
// test-results/screenshots/ (live-*.png).
import type { Page } from '@playwright/test'
import {
  atBothSizes,
  expect,
  expectNoHorizontalScroll,
  PASSWORD,
  screenshot,
  signIn,
  staff,
  test,
} from './support/fixtures'
import type { Stack } from './support/stack'

const HOUSE = { id: 'seller-house', staff: false }
const RESERVE = '£250.00'
const BIDDER = '7731'

/** An open live sale of five lots (lot 2 with a reserve of 250.00), straight in Redis. */
async function seedLiveSale(stack: Stack): Promise<string> {
  const created = await stack.engine.createSale(
    {
      title: 'Evening sale of silver and clocks',
      mode: 'live',
      currency: 'GBP',
      increment: '10.00',
    },
    HOUSE,
  )
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const saleId = created.sale.id
  const lots = [
    ['1', 'George III silver teapot, London 1790', null],
    ['2', 'Regency mahogany bracket clock by Vulliamy', '250.00'],
    ['3', 'Pair of Sheffield plate candlesticks', null],
    ['4', 'Victorian silver card case', null],
    ['5', 'French ormolu mantel clock', null],
  ] as const
  for (const [number, title, reservePrice] of lots) {
    const added = await stack.engine.addLot(
      saleId,
      {
        number,
        title,
        startingPrice: '100.00',
        reservePrice,
        estimateLow: '200.00',
        estimateHigh: '300.00',
      },
      HOUSE,
    )
    if (!added.ok) throw new Error(JSON.stringify(added.error))
  }
  const started = await stack.engine.startSale(saleId, HOUSE)
  if (!started.ok) throw new Error(JSON.stringify(started.error))
  return saleId
}

async function openSale(page: Page, saleId: string): Promise<void> {
  await page.evaluate((id) => (location.hash = `#/sale/${id}`), saleId)
}

/** An online bidder's tab: a bidder account (its id is its paddle), signed in. */
async function openBidder(page: Page, stack: Stack, saleId: string): Promise<void> {
  await stack.addOperator(
    { displayName: 'Online bidder', operatorId: BIDDER, role: 'bidder' },
    PASSWORD,
  )
  await page.goto(stack.url)
  await signIn(page, BIDDER, PASSWORD)
  await expect(page.getByRole('banner').getByTestId('operator')).toContainText(BIDDER)
  await expect(page.getByTestId('connection-label').first()).toHaveText('Live')
  await openSale(page, saleId)
  await expect(page.getByTestId('bidder-view')).toBeVisible()
}

/** The room display never shows the reserve, a maximum or a bidder. */
async function expectDisplayClean(display: Page): Promise<void> {
  const text = await display.getByTestId('room-display').innerText()
  expect(text).not.toContain(RESERVE)
  expect(text).not.toContain(BIDDER)
  expect(text).not.toMatch(/paddle|reserve|max/i)
}

async function displayShows(display: Page, lot: string, amount: string, state: string) {
  await expect(display.getByTestId('display-number')).toHaveText(`Lot ${lot}`)
  await expect(display.getByTestId('display-amount')).toHaveText(amount)
  await expect(display.getByTestId('display-state')).toHaveText(state)
  await expectDisplayClean(display)
}

test('a live sale of five lots: two clerks, an online bidder and the room display', async ({
  stack,
  openConsole,
  browser,
}) => {
  test.setTimeout(180_000)
  const saleId = await seedLiveSale(stack)
  const clerk = await openConsole(staff('clerk-a', 'Alex Clerk'))
  const second = await openConsole(staff('clerk-b', 'Bo Clerk'))
  await openSale(clerk, saleId)
  await openSale(second, saleId)
  await expect(clerk.getByTestId('live-clerk')).toBeVisible()
  await expect(second.getByTestId('live-clerk')).toBeVisible()
  const bidderContext = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const bidder = await bidderContext.newPage()
  try {
    await openBidder(bidder, stack, saleId)

    // Staff set the display rates from the clerk's screen (Alt+R), then open the display.
    await clerk.keyboard.press('Alt+R')
    await clerk.getByLabel('Currency 1').fill('EUR')
    await clerk.getByLabel('Rate 1').fill('1.17')
    await clerk.getByLabel('Currency 2').fill('USD')
    await clerk.getByLabel('Rate 2').fill('1.27')
    await clerk.keyboard.press('Enter')
    await expect(clerk.getByTestId('rates')).toBeHidden()
    const [display] = await Promise.all([
      clerk.context().waitForEvent('page'),
      clerk.keyboard.press('Alt+D'),
    ])
    await display.setViewportSize({ width: 1280, height: 720 })
    await expect(display).not.toHaveURL(/token=/)
    await expect(display.getByTestId('display-wait')).toHaveText('The sale will begin shortly')

    // Lot 1: offered with Alt+N; both clerks and the display follow.
    await clerk.keyboard.press('Alt+N')
    await expect(clerk.getByTestId('block-number')).toHaveText('Lot 1')
    await expect(second.getByTestId('block-phase')).toHaveText('Bidding')
    await expect(bidder.getByTestId('bidder-bid')).toHaveText('Bid £100.00')
    await displayShows(display, '1', '£100.00', '')
    await expect(display.getByTestId('display-rates')).toContainText('EUR 117')
    await expect(display.getByTestId('display-rates')).toContainText('indicative')

    // The floor key (Space) on the first console, an internet bid, a floor bid on the second.
    await clerk.keyboard.press('Space')
    await expect(clerk.getByTestId('block-leader')).toHaveText(
      'Leader Floor (paddle to give) · Floor',
    )
    await displayShows(display, '1', '£100.00', '')
    await bidder.getByTestId('bidder-bid').click()
    await expect(bidder.getByTestId('bidder-line')).toHaveText(
      'You are the highest bidder at £110.00.',
    )
    await expect(clerk.getByTestId('block-leader')).toHaveText(`Leader Paddle ${BIDDER} · Internet`)
    await expect(clerk.getByTestId('internet-flash')).toBeVisible()
    await displayShows(display, '1', '£110.00', '')
    await atBothSizes(clerk, 'live-clerk-internet-bid', () => expectNoHorizontalScroll(clerk))
    await second.keyboard.press('Space')
    await expect(clerk.getByTestId('block-price')).toHaveText('£120.00')
    await expect(bidder.getByTestId('bidder-line')).toHaveText('Outbid: the bid is £120.00.')
    await displayShows(display, '1', '£120.00', '')

    // One undo: Alt+U asks the reason in one dialog (type, Enter). The internet bid leads again.
    await clerk.keyboard.press('Alt+U')
    await expect(clerk.getByTestId('undo-dialog')).toBeVisible()
    await clerk.keyboard.type('floor bid in error')
    await clerk.keyboard.press('Enter')
    await expect(clerk.getByTestId('clerk-notice')).toHaveText(
      'Last bid on lot 1 undone: floor bid in error.',
    )
    await expect(second.getByTestId('block-price')).toHaveText('£110.00')
    await expect(clerk.getByTestId('last-bid').first()).toContainText('Undone: floor bid in error')
    await expect(bidder.getByTestId('bidder-line')).toHaveText(
      'You are the highest bidder at £110.00.',
    )
    await displayShows(display, '1', '£110.00', '')

    // Fair warning, then sold to the internet bidder.
    await clerk.keyboard.press('Alt+W')
    await expect(second.getByTestId('block-phase')).toHaveText('Fair warning')
    await expect(bidder.getByTestId('bidder-phase')).toHaveText('Fair warning')
    await displayShows(display, '1', '£110.00', 'Fair warning')
    await atBothSizes(display, 'live-display-fair-warning')
    await atBothSizes(clerk, 'live-clerk-fair-warning', () => expectNoHorizontalScroll(clerk))
    await atBothSizes(bidder, 'live-bidder-fair-warning', () => expectNoHorizontalScroll(bidder))
    await clerk.keyboard.press('Alt+H')
    await expect(clerk.getByTestId('block-leader')).toHaveText(
      `Sold to Paddle ${BIDDER} for £110.00`,
    )
    await expect(bidder.getByTestId('bidder-line')).toHaveText('Sold to you at £110.00.')
    await displayShows(display, '1', '£110.00', 'Sold')
    await atBothSizes(display, 'live-display-sold')

    // Lot 2 (reserve 250.00): a floor bid, then one pass (Alt+X, Enter confirms).
    await second.keyboard.press('Alt+N')
    await expect(clerk.getByTestId('block-number')).toHaveText('Lot 2')
    await expect(clerk.getByTestId('block-reserve')).toHaveText(` Reserve ${RESERVE}`)
    await clerk.keyboard.press('Space')
    await displayShows(display, '2', '£100.00', '')
    await expect(clerk.getByTestId('block-leader')).toContainText('Floor (paddle to give)')
    await clerk.keyboard.press('Alt+H')
    await expect(clerk.getByTestId('paddle-dialog')).toBeVisible()
    await clerk.keyboard.press('Escape')
    await clerk.keyboard.press('Alt+X')
    await expect(clerk.getByTestId('pass-dialog')).toBeVisible()
    await clerk.keyboard.press('Enter')
    await expect(second.getByTestId('block-phase')).toHaveText('Passed')
    await displayShows(display, '2', '£100.00', 'Passed')
    await expect(bidder.getByTestId('bidder-line')).toHaveText('The lot is passed (not sold).')

    // Lot 3: a floor leader; the hammer asks for the paddle in the same kind of dialog.
    await clerk.keyboard.press('Alt+N')
    await expect(clerk.getByTestId('block-number')).toHaveText('Lot 3')
    await clerk.keyboard.press('Space')
    await expect(clerk.getByTestId('block-leader')).toContainText('Floor (paddle to give)')
    await clerk.keyboard.press('Alt+H')
    await expect(clerk.getByTestId('paddle-dialog')).toBeVisible()
    await clerk.keyboard.type('142')
    await clerk.keyboard.press('Enter')
    await expect(second.getByTestId('block-leader')).toHaveText('Sold to Paddle 142 for £100.00')
    await displayShows(display, '3', '£100.00', 'Sold')

    // One reopen from the running order (Alt+O, ↑ to lot 3, R, reason, Enter): a missed
    // internet bid goes in, and the lot sells again.
    await clerk.keyboard.press('Alt+O')
    await clerk.keyboard.press('ArrowUp')
    await expect(clerk.locator('[data-testid="order-row"][data-lot="3"]')).toBeFocused()
    await clerk.keyboard.press('r')
    await expect(clerk.getByTestId('reopen-dialog')).toBeVisible()
    await clerk.keyboard.type('missed internet bid')
    await clerk.keyboard.press('Enter')
    await expect(second.getByTestId('block-phase')).toHaveText('Bidding')
    await displayShows(display, '3', '£100.00', '')
    await bidder.getByTestId('bidder-bid').click()
    await expect(bidder.getByTestId('bidder-line')).toHaveText(
      'You are the highest bidder at £110.00.',
    )
    await displayShows(display, '3', '£110.00', '')
    await expect(clerk.getByTestId('block-leader')).toContainText(BIDDER)
    await clerk.keyboard.press('Alt+H')
    await expect(clerk.getByTestId('block-leader')).toHaveText(
      `Sold to Paddle ${BIDDER} for £110.00`,
    )

    // Lots 4 and 5: quick floor sales from the second console.
    for (const [lot, paddle] of [
      ['4', '55'],
      ['5', '56'],
    ] as const) {
      await second.keyboard.press('Alt+N')
      await expect(second.getByTestId('block-number')).toHaveText(`Lot ${lot}`)
      await second.keyboard.press('Space')
      await expect(second.getByTestId('block-leader')).toContainText('Floor')
      await second.keyboard.press('Alt+H')
      await expect(second.getByTestId('paddle-dialog')).toBeVisible()
      await second.keyboard.type(paddle)
      await second.keyboard.press('Enter')
      await expect(clerk.getByTestId('block-leader')).toHaveText(
        `Sold to Paddle ${paddle} for £100.00`,
      )
      await displayShows(display, lot, '£100.00', 'Sold')
    }

    // The totals so far, on both consoles; nothing is left to offer.
    for (const page of [clerk, second]) {
      await expect(page.getByTestId('sale-sold')).toHaveText('4')
      await expect(page.getByTestId('sale-passed')).toHaveText('1')
      await expect(page.getByTestId('sale-hammer')).toHaveText('£420.00')
    }
    await expect(clerk.getByTestId('next-lot')).toBeDisabled()
    // The passed lot is offered again from the running order (Alt+O, ↓ to lot 2, Enter).
    await clerk.keyboard.press('Alt+O')
    await clerk.keyboard.press('ArrowDown')
    await expect(clerk.locator('[data-testid="order-row"][data-lot="2"]')).toBeFocused()
    await clerk.keyboard.press('Enter')
    await expect(second.getByTestId('block-number')).toHaveText('Lot 2')
    await expect(second.getByTestId('block-phase')).toHaveText('Bidding')
    await expect(display.getByTestId('display-number')).toHaveText('Lot 2')
    await expect(display.getByTestId('display-state')).toHaveText('')
    await expectDisplayClean(display)
    await clerk.keyboard.press('Alt+X')
    await clerk.keyboard.press('Enter')
    await displayShows(display, '2', '£100.00', 'Passed')
    await atBothSizes(clerk, 'live-clerk-end', () => expectNoHorizontalScroll(clerk))
    await screenshot(display, 'live-display-end')
  } finally {
    await bidderContext.close()
  }
})
