// The connection indicator follows Redis: Reconnecting when it stops, Live when it is back
// (same port, same data), and the console works again without a reload.
import { connectionLabel, expect, openRoom, staff, test } from './support/fixtures'

test('the indicator goes to Reconnecting when Redis stops and back to Live', async ({
  stack,
  openConsole,
}) => {
  const auction = await stack.seed({ title: 'Victorian writing slope' })
  const page = await openConsole(staff('clerk-e'))
  await openRoom(page, auction.title)
  await page.getByLabel('Paddle').fill('88')
  await page.getByLabel('Paddle').press('Enter')
  await expect(page.getByTestId('bid-outcome')).toHaveText('Paddle 88 is leading at $100.00.')

  await stack.stopRedis()
  await expect(connectionLabel(page)).toHaveText(/Reconnecting|Offline/)
  await expect(connectionLabel(page)).toHaveText('Reconnecting')

  await stack.restartRedis()
  await expect(connectionLabel(page)).toHaveText('Live', { timeout: 30_000 })

  // The data survived (append-only file) and live events flow again.
  await expect(page.getByTestId('bid-count')).toHaveText('1')
  await stack.engine.placeBid({
    auctionId: auction.id,
    bidderId: '404',
    amount: '110.00',
    requestId: 'e2e-after-restart',
  })
  await expect(page.getByTestId('price')).toHaveText('$110.00')
  await expect(page.getByTestId('leader')).toHaveText('Paddle ••04')
})
