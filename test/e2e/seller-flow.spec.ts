// A seller creates and starts an auction from the seller panel; a clerk takes bids in the
// room (a proxy maximum, the reserve); the seller ends it and both consoles show the result.
import { readFile } from 'node:fs/promises'
import { expect, openRoom, screenshot, seller, staff, test } from './support/fixtures'

test('seller creates, bids arrive, seller ends, both consoles show the result', async ({
  stack,
  openConsole,
}) => {
  const sellerPage = await openConsole(seller('seller-acme', 'Acme Estates'))
  await sellerPage.getByRole('button', { name: 'Seller panel' }).click()
  await sellerPage.getByRole('tab', { name: 'Single auctions' }).click()
  const form = sellerPage.getByTestId('create-form')
  await form.getByLabel('Title').fill('Georgian silver teapot')
  await form.getByLabel('Description').fill('London 1789, maker Hester Bateman, 512 g.')
  await form.getByLabel('Starting price').fill('200.001')
  await form.getByLabel('Reserve (optional)').fill('300')
  await form.getByLabel('Increment', { exact: true }).fill('20')
  await form.getByLabel('Duration (minutes)').fill('30')
  await form.getByLabel('Soft close (seconds)').fill('60')
  await form.getByRole('button', { name: 'Create and start' }).click()
  // Checked in the form before anything is sent.
  await expect(form.getByRole('alert')).toHaveText(
    'Starting price: not a valid amount — digits with up to 2 decimals, e.g. 1250.00.',
  )
  await expect(sellerPage.getByTestId('seller-row')).toHaveCount(0)
  await form.getByLabel('Starting price').fill('200')
  await form.getByRole('button', { name: 'Create and start' }).click()
  const row = sellerPage.getByTestId('seller-row').filter({ hasText: 'Georgian silver teapot' })
  await expect(row.getByTestId('status')).toHaveText('Live')

  const clerk = await openConsole(staff('clerk-d', 'Dana Clerk'))
  await openRoom(clerk, 'Georgian silver teapot')
  await expect(clerk.getByTestId('reserve')).toHaveText('Reserve not met')
  await clerk.getByLabel('Paddle').fill('7')
  await clerk.keyboard.press('F2')
  await expect(clerk.getByTestId('bid-outcome')).toHaveText('Paddle 7 is leading at $200.00.')
  // An absentee bid with a maximum: the reserve rule lifts the price to the reserve.
  await clerk.getByLabel('Paddle').fill('12')
  await clerk.getByLabel('Source').selectOption('absentee')
  await clerk.getByLabel('Amount (USD)').fill('250')
  await clerk.getByLabel('Maximum (optional)').fill('400')
  await clerk.getByLabel('Maximum (optional)').press('Enter')
  await expect(clerk.getByTestId('bid-outcome')).toHaveText(
    'Paddle 12 is leading at $300.00 (max $400.00).',
  )
  await expect(clerk.getByTestId('reserve')).toHaveText('Reserve met')
  // Paddle 7 comes back and is outbid by the proxy at once.
  await clerk.getByLabel('Paddle').fill('7')
  await clerk.getByLabel('Source').selectOption('floor')
  await clerk.keyboard.press('F2')
  await expect(clerk.getByTestId('bid-outcome')).toHaveText(
    'Outbid by a proxy: Paddle 12 leads at $340.00. Next bid $360.00.',
  )
  await expect(row.getByRole('cell', { name: '$340.00' })).toBeVisible()

  // The seller ends it (confirmed) from the panel.
  await row.getByRole('button', { name: 'End now' }).click()
  const confirm = sellerPage.getByRole('dialog', { name: 'End auction now?' })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'End auction' }).click()
  await expect(row.getByTestId('status')).toHaveText('Ended')
  await expect(row.getByTestId('seller-result')).toHaveText(
    'Sold to Paddle 12 · $340.00 · reserve met',
  )

  const dialog = clerk.getByRole('dialog', { name: 'Auction ended' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('end-winner')).toHaveText('Paddle 12')
  await expect(dialog.getByTestId('end-price')).toHaveText('$340.00')
  await expect(dialog.getByTestId('end-reserve')).toHaveText('Met')
  await expect(clerk.getByTestId('countdown').first()).toHaveText('ENDED')
  await screenshot(clerk, 'end-dialog')
  await screenshot(sellerPage, 'seller-panel')

  // The seller exports the bid history and the result as CSV.
  const download = sellerPage.waitForEvent('download')
  await row.getByRole('button', { name: 'Export CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^georgian-silver-teapot-.+\.csv$/)
  const csv = (await readFile((await file.path()) as string, 'utf8')).split('\r\n')
  expect(csv[0]).toBe(
    'auction_id,title,seller_id,status,currency,starting_price,reserve_price,final_price,winner_id,reserve_met,bid_count,started_at,ended_at',
  )
  expect(csv[1]).toMatch(
    /^[^,]+,Georgian silver teapot,seller-acme,ended,USD,200.00,300.00,340.00,12,true,5,/,
  )
  expect(csv[3]).toBe(
    'bid_id,time,bidder_id,amount,kind,outcome,source,entered_by,retracted_at,retracted_by,retract_reason',
  )
  expect(csv.slice(4, 9).map((line) => line.split(',').slice(2, 6).join(','))).toEqual([
    '7,200.00,manual,leading',
    '12,250.00,manual,leading',
    '12,300.00,auto,leading',
    '7,320.00,manual,outbid',
    '12,340.00,auto,leading',
  ])
  // Every entry's source as the engine recorded it (an automatic bid: the source of the
  // maximum it came from), never rewritten by the console.
  const auctionId = (await row.getAttribute('data-auction-id')) as string
  const recorded = await stack.engine.history(auctionId, { limit: 10 })
  if (!recorded.ok) throw new Error(recorded.error.message)
  expect(csv.slice(4, 9).map((line) => line.split(',')[6])).toEqual(
    [...recorded.bids].reverse().map((bid) => bid.source),
  )

  // Bidding is closed now, and the result stays in the room after the dialog.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(clerk.getByTestId('room-result')).toHaveText('Sold to Paddle 12 for $340.00')
  await expect(clerk.getByTestId('bid-form')).toHaveCount(0)
})
