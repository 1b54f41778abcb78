// Not live is impossible to miss: when Redis stops, the connection indicator says
// Reconnecting, a red banner says since when no bid is being placed (the raw error behind a
// disclosure), the board is marked stale and nothing can be sent. When Redis is back (same
// port, same data) it is Live again and the console works without a reload.
import {
  atBothSizes,
  connectionLabel,
  expect,
  expectNoHorizontalScroll,
  openRoom,
  staff,
  test,
} from './support/fixtures'

test('Redis stops: a plain-words banner, a stale board, no bid sent; back to Live after', async ({
  stack,
  openConsole,
}) => {
  const auction = await stack.seed({ title: 'Victorian writing slope' })
  const page = await openConsole(staff('clerk-e'))
  await openRoom(page, auction.title)
  await page.getByLabel('Paddle').fill('88')
  await page.getByLabel('Paddle').press('Enter')
  await expect(page.getByTestId('bid-outcome')).toHaveText('Paddle 88 is leading at $100.00.')
  const banner = page.getByTestId('offline-banner')
  await expect(banner).toHaveCount(0)

  await stack.stopRedis()
  await expect(connectionLabel(page)).toHaveText(/Reconnecting|Offline/)
  await expect(page.getByTestId('offline-headline')).toHaveText(
    /^No connection to the auction server since \S.* — bids are not being placed\.$/,
  )
  // The technical detail is there, folded away.
  await expect(banner.getByTestId('offline-detail')).toBeHidden()
  await banner.getByText('Technical details').click()
  await expect(banner.getByTestId('offline-detail')).toBeVisible()
  await expect(page.getByTestId('board')).toHaveClass(/board--stale/)
  await expect(page.getByTestId('stale-note')).toContainText('Not live: last update')
  await expect(page.getByTestId('status')).toHaveText('Last known: Live')
  await expect(page.getByRole('button', { name: 'Place bid (offline)' })).toBeDisabled()
  await expect(page.getByRole('button', { name: /^Bid asking/ })).toBeDisabled()
  await atBothSizes(page, 'offline', () => expectNoHorizontalScroll(page))
  await expect(connectionLabel(page)).toHaveText('Reconnecting')

  await stack.restartRedis()
  await expect(connectionLabel(page)).toHaveText('Live', { timeout: 30_000 })
  await expect(banner).toHaveCount(0)
  await expect(page.getByTestId('board')).not.toHaveClass(/board--stale/)

  // The data survived (append-only file) and live events flow again.
  await expect(page.getByTestId('bid-count')).toHaveText('1')
  await stack.engine.placeBid({
    auctionId: auction.id,
    bidderId: '404',
    amount: '110.00',
    requestId: 'e2e-after-restart',
  })
  await expect(page.getByTestId('price')).toHaveText('$110.00')
  await expect(page.getByTestId('leader')).toHaveText('Paddle 404')
})
