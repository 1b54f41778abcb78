// A watched (starred) auction keeps the clerk informed from any screen: a toast for each
// new bid and one when it ends.
import { expect, openAuctions, staff, test } from './support/fixtures'

test('a watched auction toasts its new bids and its end', async ({ stack, openConsole }) => {
  const auction = await stack.seed({ title: 'Tiffany favrile lamp', startingPrice: '900.00' })
  const page = await openConsole(staff('clerk-w'))
  await openAuctions(page)
  await page.getByRole('button', { name: `Watch ${auction.title}` }).click()
  await expect(page.getByRole('button', { name: `Watch ${auction.title}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  // The clerk is elsewhere in the console.
  await page.getByRole('button', { name: 'Settings' }).click()

  await stack.engine.placeBid({ auctionId: auction.id, bidderId: '4431', amount: '900.00' })
  const toasts = page.getByRole('list', { name: 'Notifications' })
  await expect(toasts).toContainText('Tiffany favrile lamp: $900.00 by Paddle 4431')

  await stack.engine.endAuction(auction.id, { id: 'staff-x', staff: true })
  await expect(toasts).toContainText('Tiffany favrile lamp: Sold for $900.00')
  // A toast opens the auction.
  await toasts.getByRole('button', { name: /Sold for/ }).click()
  await expect(page.getByTestId('room-result')).toHaveText('Sold to Paddle 4431 for $900.00')
  // Watching survives a reload (kept in this browser), and so does the tab's sign-in.
  await page.reload()
  await expect(page.getByRole('banner').getByTestId('operator')).toContainText('clerk-w')
  await openAuctions(page)
  await page.getByRole('tab', { name: 'Ended' }).click()
  await expect(page.getByRole('button', { name: `Watch ${auction.title}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
})
