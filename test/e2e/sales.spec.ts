// A seller builds a timed sale (two lots by the form, one by CSV import after a preview that
// refuses a bad file), starts it; a clerk's console follows the sale page live as bids land;
// the seller ends the sale and both see the results. Screenshots at 1280×720 and 1920×1080.
import type { Page } from '@playwright/test'
import {
  atBothSizes,
  expect,
  expectNoHorizontalScroll,
  seller,
  staff,
  test,
} from './support/fixtures'

/** One screenshot per size (nothing wider than the window), then back to the test's size. */
const screenshots = (page: Page, name: string): Promise<void> =>
  atBothSizes(page, name, () => expectNoHorizontalScroll(page))

const csvFile = (text: string) => ({
  name: 'catalogue.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
})

test('a seller builds and runs a timed sale; a clerk follows it live', async ({
  stack,
  openConsole,
}) => {
  const sellerPage = await openConsole(seller('seller-harbour', 'Harbour Auctions'))
  await sellerPage.getByRole('button', { name: 'Seller panel' }).click()
  const create = sellerPage.getByTestId('create-sale-form')
  await create.getByLabel('Sale title').fill('Clocks and watches')
  await create.getByLabel('Sale description').fill('Bracket, carriage and mantel clocks.')
  await create.getByLabel('Sale currency').selectOption('GBP')
  await create.getByLabel('Increment', { exact: true }).fill('10')
  await create.getByLabel('Minutes after the start').fill('30')
  await create.getByLabel('Close interval (seconds)').fill('60')
  await create.getByLabel('Soft close (seconds)').fill('60')
  await screenshots(sellerPage, 'sale-create')
  await create.getByRole('button', { name: 'Create draft' }).click()

  // The new draft's page: lots by the form.
  await expect(sellerPage.getByTestId('sale-title')).toHaveText('Clocks and watches')
  await expect(sellerPage.getByTestId('sale-status')).toHaveText('Draft')
  const lotForm = sellerPage.getByTestId('lot-form')
  const addLot = async (lot: Record<string, string>) => {
    for (const [label, value] of Object.entries(lot)) await lotForm.getByLabel(label).fill(value)
    await lotForm.getByRole('button', { name: 'Add lot' }).click()
  }
  await expect(lotForm.getByLabel('Lot number')).toHaveValue('1')
  await addLot({
    'Lot title': 'Regency bracket clock',
    'Low estimate': '800',
    'High estimate': '1200',
    'Start price (GBP)': '500',
    'Lot reserve (optional)': '500',
  })
  const rows = sellerPage.getByTestId('lot-row')
  await expect(rows).toHaveCount(1)
  await expect(lotForm.getByLabel('Lot number')).toHaveValue('2')
  await addLot({ 'Lot title': 'Victorian carriage clock', 'Start price (GBP)': '200' })
  await expect(rows).toHaveCount(2)

  // A CSV import: a bad file is previewed with its errors and nothing is sent.
  const importer = sellerPage.getByTestId('catalogue-import')
  const header = 'lot,title,description,estimate_low,estimate_high,start_price,reserve,increment'
  await importer
    .getByLabel('CSV file')
    .setInputFiles(
      csvFile(
        `${header}\n3,French mantel clock,Gilt bronze,300,500,150,,\n2,Duplicate,,,,10,,\n4,Pocket watch,,,,1.005,,\n`,
      ),
    )
  await expect(importer.getByTestId('import-error')).toHaveText([
    /^3lot: 2 is already in this sale$/,
    /^4start_price: "1.005" is not a valid GBP amount$/,
  ])
  await expect(importer.getByRole('button', { name: 'Import' })).toBeDisabled()
  await screenshots(sellerPage, 'sale-import-errors')
  await importer
    .getByLabel('CSV file')
    .setInputFiles(csvFile(`${header}\n3,French mantel clock,Gilt bronze,300,500,150,,\n`))
  await expect(importer.getByTestId('import-row')).toHaveCount(1)
  await importer.getByRole('button', { name: 'Import 1 lot' }).click()
  await expect(rows).toHaveCount(3)
  await expect(rows.getByTestId('lot-number')).toHaveText(['1', '2', '3'])
  await expect(rows.nth(2)).toContainText('£300.00–£500.00')
  await screenshots(sellerPage, 'sale-draft')

  // Start (confirmed): the lots open, each with its countdown.
  await sellerPage.getByRole('button', { name: 'Start', exact: true }).click()
  const confirm = sellerPage.getByRole('dialog', { name: 'Start sale?' })
  await confirm.getByRole('button', { name: 'Start sale' }).click()
  await expect(sellerPage.getByTestId('sale-status')).toHaveText('Open')
  await expect(rows.first().getByRole('timer')).toHaveText(/^00:(29|30):\d\d$/)

  // A clerk finds the sale among the live sales and opens it.
  const clerk = await openConsole(staff('clerk-s', 'Sam Clerk'))
  const saleRow = clerk.getByTestId('sale-row').filter({ hasText: 'Clocks and watches' })
  await expect(saleRow.getByTestId('sale-lots')).toHaveText('3')
  await expect(saleRow.getByTestId('sale-mode')).toHaveText('Timed')
  await screenshots(clerk, 'sales-list')
  await saleRow.getByRole('button', { name: 'Clocks and watches' }).click()
  const clerkRows = clerk.getByTestId('lot-row')
  await expect(clerkRows).toHaveCount(3)

  // A bid placed elsewhere moves both sale pages at once.
  const lotTwo = (await clerkRows.nth(1).getAttribute('data-lot-id')) as string
  const bid = await stack.engine.placeBid({ auctionId: lotTwo, bidderId: '77', amount: '200.00' })
  expect(bid.ok).toBe(true)
  for (const row of [clerkRows.nth(1), rows.nth(1)]) {
    await expect(row.getByTestId('lot-price')).toHaveText('£200.00')
    await expect(row.getByTestId('lot-bids')).toHaveText('1')
  }
  await expect(clerkRows.nth(1).getByTestId('lot-leader')).toHaveText('Paddle 77')

  // The clerk bids on lot 1 from its room; the seller's page follows.
  await clerkRows.nth(0).getByRole('button', { name: 'Regency bracket clock' }).click()
  await expect(clerk.getByTestId('room-title')).toHaveText('Regency bracket clock')
  await clerk.getByLabel('Paddle').fill('42')
  await clerk.keyboard.press('F2')
  await expect(clerk.getByTestId('bid-outcome')).toHaveText('Paddle 42 is leading at £500.00.')
  await expect(rows.nth(0).getByTestId('lot-price')).toHaveText('£500.00')
  await expect(rows.nth(0).getByTestId('reserve')).toHaveText('Reserve met')
  await clerk.getByRole('button', { name: /← Sale/ }).click()
  await expect(clerkRows.nth(0).getByTestId('lot-leader')).toHaveText('Paddle 42')
  await screenshots(clerk, 'sale-open')

  // The seller ends the sale (confirmed): two lots sold, one passed.
  await sellerPage.getByRole('button', { name: 'End now' }).click()
  await sellerPage
    .getByRole('dialog', { name: 'End sale now?' })
    .getByRole('button', { name: 'End sale' })
    .click()
  for (const page of [sellerPage, clerk]) {
    await expect(page.getByTestId('sale-status')).toHaveText('Closed')
    const lots = page.getByTestId('lot-row')
    await expect(lots.nth(0).getByTestId('lot-outcome')).toHaveText('Sold to Paddle 42 at £500.00')
    await expect(lots.nth(1).getByTestId('lot-outcome')).toHaveText('Sold to Paddle 77 at £200.00')
    await expect(lots.nth(2).getByTestId('lot-outcome')).toHaveText('Passed')
    await expect(page.getByTestId('sale-sold')).toHaveText('2')
    await expect(page.getByTestId('sale-passed')).toHaveText('1')
    await expect(page.getByTestId('sale-hammer')).toHaveText('£700.00')
  }
  await screenshots(clerk, 'sale-closed')
  await sellerPage.getByRole('button', { name: 'Seller panel' }).click()
  const mine = sellerPage.getByTestId('seller-sale-row').filter({ hasText: 'Clocks and watches' })
  await expect(mine.getByTestId('seller-sale-result')).toHaveText('2 sold · 1 passed · £700.00')
  await screenshots(sellerPage, 'seller-sales')
})
