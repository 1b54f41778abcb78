// The clerk's screen as a clerk on a sale uses it, at 1280×720 and at 1920×1080: the list,
// the sale page and a lot's room fit without horizontal scrolling, with every history
// column and the chart above the fold; the cursor starts in Paddle; an accepted and a
// rejected bid differ at a glance; the `?` overlay lists the keys; the screen lives in the
// URL (Back, Forward, reload; Back never leaves the console). A seller lands on their panel,
// whose row actions stay on one line. Screenshots in test-results/screenshots/.
import type { Locator, Page } from '@playwright/test'
import {
  atBothSizes,
  expect,
  expectNoHorizontalScroll,
  seller,
  staff,
  test,
} from './support/fixtures'
import type { Stack } from './support/stack'

const HOUSE = { id: 'seller-house', staff: false }

/** An open timed sale of three lots, straight in Redis (a seller elsewhere built it). */
async function seedSale(stack: Stack): Promise<{ saleId: string; lotId: string }> {
  const created = await stack.engine.createSale(
    {
      title: 'Autumn fine art and antiques',
      mode: 'timed',
      currency: 'USD',
      increment: '10.00',
      durationMs: 3_600_000,
      closeIntervalSeconds: 60,
      softCloseSeconds: 30,
    },
    HOUSE,
  )
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const saleId = created.sale.id
  const lots = [
    ['1', 'George III mahogany longcase clock by Thomas Mudge, London', '100.00', '150.00'],
    ['2', 'Pair of Meissen porcelain figures', '200.00', null],
    ['3', 'Regency rosewood sofa table', '300.00', null],
  ] as const
  for (const [number, title, startingPrice, reservePrice] of lots) {
    const added = await stack.engine.addLot(
      saleId,
      { number, title, startingPrice, reservePrice, estimateLow: '200.00', estimateHigh: '400.00' },
      HOUSE,
    )
    if (!added.ok) throw new Error(JSON.stringify(added.error))
  }
  const started = await stack.engine.startSale(saleId, HOUSE)
  if (!started.ok) throw new Error(JSON.stringify(started.error))
  return { saleId, lotId: `${saleId}.1` }
}

/** Every column header of the bid history lies inside the history panel, unclipped. */
async function expectHistoryColumns(page: Page): Promise<void> {
  const panel = await page.locator('.room__side').boundingBox()
  const headers = page.locator('.history__row--head [role="columnheader"]')
  await expect(headers).toHaveText(['#', 'Time', 'Paddle', 'Amount', 'Type', 'Source'])
  for (const header of await headers.all()) {
    const box = await header.boundingBox()
    expect(box && panel && box.x + box.width <= panel.x + panel.width).toBe(true)
    expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  }
  // The cells of the rows too (a paddle or an amount never runs out of its column).
  for (const cell of await page.getByTestId('bid-row').first().getByRole('cell').all()) {
    expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  }
}

/** Fully above the fold. */
async function expectAboveFold(page: Page, locator: Locator, height: number): Promise<void> {
  const box = await locator.boundingBox()
  expect(box, 'laid out').not.toBeNull()
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(height)
}

const colour = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).color)

test('the clerk’s screen: sizes, keys, outcomes and the URL', async ({ stack, openConsole }) => {
  const { saleId, lotId } = await seedSale(stack)
  const page = await openConsole(staff('clerk-k', 'Kim Clerk'))

  // The list (home for staff): its tab in the URL.
  await expect(page).toHaveURL(/#\/sales\/live$/)
  await expect(page).not.toHaveURL(/token=/)
  const saleRow = page.getByTestId('sale-row').filter({ hasText: 'Autumn fine art' })
  await expect(saleRow).toBeVisible()
  await atBothSizes(page, 'list', () => expectNoHorizontalScroll(page))

  // The sale page.
  await saleRow.getByRole('button', { name: 'Autumn fine art and antiques' }).click()
  await expect(page).toHaveURL(new RegExp(`#/sale/${saleId}$`))
  await expect(page.getByTestId('lot-row')).toHaveCount(3)
  await atBothSizes(page, 'sale-page', () => expectNoHorizontalScroll(page))

  // A lot's room: the cursor waits in Paddle.
  await page.getByRole('button', { name: /^George III mahogany/ }).click()
  await expect(page).toHaveURL(new RegExp(`#/lot/${lotId.replace('.', '\\.')}$`))
  await expect(page.getByLabel('Paddle')).toBeFocused()

  // Accepted and rejected look different at a glance: colour and icon.
  const outcome = page.getByTestId('bid-outcome')
  const line = page.locator('.bid-form__outcome')
  await page.keyboard.type('1042')
  await page.keyboard.press('Enter')
  await expect(outcome).toHaveText('Paddle 1042 is leading at $100.00.')
  await expect(line.locator('.outcome__icon')).toHaveText('✓')
  const good = await colour(line)
  await page.getByLabel('Paddle').fill('301')
  await page.getByLabel('Amount (USD)').fill('50')
  await page.getByLabel('Amount (USD)').press('Enter')
  await expect(outcome).toHaveText('Rejected: too low. The minimum bid is $110.00.')
  await expect(line.locator('.outcome__icon')).toHaveText('✕')
  const bad = await colour(line)
  expect(good).toBe('rgb(29, 122, 70)') // --good
  expect(bad).toBe('rgb(180, 35, 24)') // --bad
  // An absentee maximum, then a floor challenger it outbids: an automatic bid in the history.
  await page.getByLabel('Paddle').fill('12')
  await page.getByLabel('Source').selectOption('absentee')
  await page.getByLabel('Amount (USD)').fill('110')
  await page.getByLabel('Maximum (optional)').fill('400')
  await page.getByLabel('Maximum (optional)').press('Enter')
  await expect(outcome).toHaveText('Paddle 12 is leading at $150.00 (max $400.00).')
  await expect(page.getByLabel('Source')).toHaveValue('floor')
  await page.getByLabel('Paddle').fill('7')
  await page.keyboard.press('F2')
  await expect(outcome).toHaveText(
    'Outbid by a proxy: Paddle 12 leads at $170.00. Next bid $180.00.',
  )
  await expect(page.getByTestId('bid-row')).toHaveCount(5)

  await atBothSizes(page, 'room', async (size) => {
    await expectNoHorizontalScroll(page)
    await expectHistoryColumns(page)
    await expectAboveFold(page, page.getByTestId('price-chart'), size.height)
    await expectAboveFold(page, page.getByTestId('bid-form'), size.height)
  })

  // The keys, listed by `?` (outside a text field).
  await page.getByLabel('Paddle').press('Escape')
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('?')
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(overlay.getByRole('heading', { name: 'Auction room · this screen' })).toBeVisible()
  await atBothSizes(page, 'shortcuts')
  await page.keyboard.press('Escape')
  await expect(overlay).toHaveCount(0)

  // Back, Forward and reload follow the URL; Back never leaves the console.
  await page.goBack()
  await expect(page.getByTestId('sale-title')).toHaveText('Autumn fine art and antiques')
  await page.goBack()
  await expect(page.getByRole('heading', { name: 'Sales', exact: true })).toBeVisible()
  await page.goForward()
  await page.goForward()
  await expect(page.getByTestId('room-title')).toHaveText(/^George III mahogany/)
  await page.reload()
  await expect(page.getByTestId('room-title')).toHaveText(/^George III mahogany/)
  await expect(page.getByTestId('bid-count')).toHaveText('5')
  // Alt+B: back to the lot's sale, by key.
  await page.keyboard.press('Alt+b')
  await expect(page.getByTestId('sale-title')).toHaveText('Autumn fine art and antiques')
  for (let i = 0; i < 5; i++) await page.goBack()
  await expect(page.getByRole('heading', { name: 'Sales', exact: true })).toBeVisible()
  expect(new URL(page.url()).host).toBe(new URL(stack.url).host)
})

test('a seller lands on their panel; its rows keep their actions on one line', async ({
  stack,
  openConsole,
}) => {
  for (const title of ['Art Deco bronze figure', 'Chinese famille rose vase']) {
    await stack.seed({ title, sellerId: 'seller-acme', durationMs: 30 * 60_000 })
  }
  await stack.seed({ title: 'Edwardian bookcase (draft)', sellerId: 'seller-acme', start: false })
  const page = await openConsole(seller('seller-acme', 'Acme Estates'))
  await expect(page.getByRole('heading', { name: 'Seller panel' })).toBeVisible()
  await expect(page).toHaveURL(/#\/seller\/sales$/)
  await page.getByRole('tab', { name: 'Single auctions' }).click()
  await expect(page).toHaveURL(/#\/seller\/auctions$/)
  const rows = page.getByTestId('seller-row')
  await expect(rows).toHaveCount(3)
  await atBothSizes(page, 'seller-panel', async () => {
    await expectNoHorizontalScroll(page)
    for (const row of await rows.all()) {
      const tops = await row
        .locator('.actions')
        .getByRole('button')
        .evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)))
      expect(new Set(tops).size).toBe(1)
    }
  })
})
