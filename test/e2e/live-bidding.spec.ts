// Two clerks' consoles in one auction room: a bid entered in one shows in the other within
// a second; an invalid bid shows its reason and changes nothing.
import { expect, openRoom, screenshot, staff, test } from './support/fixtures'

test('a bid in one console shows in another within one second', async ({ stack, openConsole }) => {
  const auction = await stack.seed({
    title: 'Walnut long-case clock',
    description: 'English, c. 1790, eight-day movement, painted arched dial.',
    reservePrice: '150.00',
  })
  const first = await openConsole(staff('clerk-a', 'Ann Clerk'), { screenshot: 'sign-in' })
  const second = await openConsole(staff('clerk-b', 'Ben Clerk'))
  await openRoom(first, auction.title)
  await openRoom(second, auction.title)
  // Both are in the room: the viewer count says so on both screens.
  await expect(first.getByTestId('viewers')).toHaveText('2 watching')
  await expect(second.getByTestId('viewers')).toHaveText('2 watching')

  // The clerk enters a paddle; the amount is the asking price already: Enter places it.
  await first.getByLabel('Paddle').fill('1042')
  await first.getByLabel('Paddle').press('Enter')
  await expect(first.getByTestId('bid-outcome')).toHaveText('Paddle 1042 is leading at $100.00.')
  await expect(second.getByTestId('bid-count')).toHaveText('1', { timeout: 1000 })
  // A clerk reads the paddle back in full: 42, 142 and 1042 must never look alike.
  await expect(second.getByTestId('leader')).toHaveText('Paddle 1042', { timeout: 1000 })

  await first.getByLabel('Paddle').fill('2077')
  await first.getByLabel('Amount (USD)').fill('160')
  await first.getByLabel('Source').selectOption('phone')
  await first.getByRole('button', { name: 'Place bid' }).click()
  await expect(first.getByTestId('bid-outcome')).toHaveText('Paddle 2077 is leading at $160.00.')
  await expect(second.getByTestId('price')).toHaveText('$160.00', { timeout: 1000 })
  await expect(second.getByTestId('bid-row').first()).toContainText('$160.00', { timeout: 1000 })
  await expect(second.getByTestId('reserve')).toHaveText('Reserve met')

  // One key bids the asking price.
  await second.getByLabel('Paddle').fill('311')
  await second.keyboard.press('F2')
  await expect(second.getByTestId('bid-outcome')).toHaveText('Paddle 311 is leading at $170.00.')
  await expect(first.getByTestId('price')).toHaveText('$170.00', { timeout: 1000 })
  await expect(first.getByTestId('bid-row')).toHaveCount(3)
  await screenshot(second, 'room')
})

test('an invalid bid shows its reason and changes nothing', async ({ stack, openConsole }) => {
  const auction = await stack.seed({ title: 'Pair of Meissen figures', startingPrice: '100.00' })
  const page = await openConsole(staff('clerk-c'))
  await openRoom(page, auction.title)
  await page.getByLabel('Paddle').fill('5')

  // Not an amount at all: refused in the form, nothing is sent.
  await page.getByLabel('Amount (USD)').fill('12.345')
  await page.getByLabel('Amount (USD)').press('Enter')
  await expect(page.getByRole('alert')).toHaveText(
    'Not a valid amount: digits with up to 2 decimals, e.g. 1250.00.',
  )
  await expect(page.getByLabel('Amount (USD)')).toHaveAttribute('aria-invalid', 'true')

  // A real amount below the asking price: the server refuses it with the minimum bid.
  await page.getByLabel('Amount (USD)').fill('50')
  await page.getByLabel('Amount (USD)').press('Enter')
  await expect(page.getByTestId('bid-outcome')).toHaveText(
    'Rejected: too low. The minimum bid is $100.00.',
  )
  await expect(page.getByTestId('bid-count')).toHaveText('0')
  await expect(page.getByText('No bids yet.').first()).toBeVisible()
  const after = await stack.engine.getAuction(auction.id)
  expect(after.ok && after.auction).toMatchObject({ bidCount: 0, seq: auction.seq, leaderId: null })
})
