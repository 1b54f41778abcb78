// The single auctions list (tabs, search, sort, live rows) and settings, with their screenshots.
import { expect, openAuctions, screenshot, staff, test } from './support/fixtures'

test('the list filters by status and title, sorts by ending soonest, and moves live', async ({
  stack,
  openConsole,
}) => {
  const soon = await stack.seed({ title: 'Regency rosewood sofa table', durationMs: 4 * 60_000 })
  await stack.seed({
    title: 'Chinese famille rose vase',
    durationMs: 50 * 60_000,
    reservePrice: '500.00',
  })
  await stack.seed({
    title: 'Art Deco bronze figure',
    durationMs: 40_000,
    currency: 'EUR',
    startingPrice: '80',
  })
  await stack.seed({
    title: 'Edwardian mahogany bookcase',
    start: false,
    startsAt: Date.now() + 3_600_000,
  })
  const ended = await stack.seed({ title: 'Persian Heriz carpet' })
  await stack.engine.placeBid({ auctionId: ended.id, bidderId: '21', amount: '100.00' })
  await stack.engine.endAuction(ended.id, { id: 'staff-x', staff: true })
  const page = await openConsole(staff('clerk-f'))
  await openAuctions(page)

  const rows = page.getByTestId('auction-row')
  await expect(rows).toHaveCount(3)
  // Ending soonest first: 40 s, 4 min, 50 min.
  await expect(rows.nth(0)).toContainText('Art Deco bronze figure')
  await expect(rows.nth(1)).toContainText('Regency rosewood sofa table')
  await expect(rows.nth(0).getByTestId('countdown')).toHaveClass(/countdown--urgent/)
  await expect(rows.nth(1).getByTestId('countdown')).toHaveClass(/countdown--warning/)

  // A bid elsewhere moves the row without a reload.
  await stack.engine.placeBid({ auctionId: soon.id, bidderId: '77', amount: '100.00' })
  await expect(rows.nth(1).getByTestId('row-bids')).toHaveText('1')
  await expect(rows.nth(1).getByTestId('row-price')).toHaveText('$100.00')
  await screenshot(page, 'list')

  await page.keyboard.press('/')
  await page.keyboard.type('vase')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Chinese famille rose vase')
  await page.getByLabel('Search by title').fill('')

  // Tabs by keyboard: arrows move between them.
  await page.getByRole('tab', { name: 'Live' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Upcoming' })).toHaveAttribute('aria-selected', 'true')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Edwardian mahogany bookcase')
  await page.keyboard.press('ArrowRight')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Persian Heriz carpet')
  await expect(rows.first().getByTestId('status')).toHaveText('Ended')
})

test('settings: the Redis connection dialog tests a connection and the theme switches', async ({
  openConsole,
}) => {
  const page = await openConsole(staff('clerk-g'))
  await page.getByRole('button', { name: 'Settings' }).click()
  const form = page.getByTestId('settings-form')
  await expect(form.getByTestId('connection-label')).toHaveText('Live')
  await form.getByLabel('Redis URL').fill('http://wrong')
  await form.getByRole('button', { name: 'Test connection' }).click()
  await expect(form.getByRole('alert').first()).toContainText('redis://')
  await form.getByLabel('Redis URL').fill('redis://127.0.0.1:1')
  await form.getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByTestId('settings-note')).toContainText('Connection failed', {
    timeout: 20_000,
  })
  await page.getByRole('radio', { name: 'Dark' }).check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await screenshot(page, 'settings')
})
