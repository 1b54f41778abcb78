// The register, a short live sale and its results, as a clerk does it in the console: three
// paddles registered through the Register screen (one approved with a credit limit, one not
// approved, one approved), a live sale with registration required and a buyer's premium run
// from the clerk's screen (the unapproved paddle's bid refused in words), then the report
// with its chart, the invoices, and the print layout printed to PDF with one page per
// invoice. Screenshots at 1280×720 and 1920×1080 in test-results/screenshots/ (results-*.png).
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import {
  atBothSizes,
  expect,
  expectNoHorizontalScroll,
  screenshot,
  seller,
  staff,
  test,
} from './support/fixtures'
import type { Stack } from './support/stack'

const HOUSE = { id: 'seller-house', staff: false }

/** A draft live sale of four lots: registration required, 25% premium (20% above £1,000), 20% tax on it. */
async function seedSale(stack: Stack): Promise<string> {
  const created = await stack.engine.createSale(
    {
      title: 'Winter sale of silver',
      mode: 'live',
      currency: 'GBP',
      increment: '10.00',
      premium: [{ upTo: '1000.00', rate: '25%' }, { rate: '20%' }],
      premiumTax: '20%',
      commission: '10%',
      requireRegistration: true,
    },
    HOUSE,
  )
  if (!created.ok) throw new Error(JSON.stringify(created.error))
  const saleId = created.sale.id
  const lots = [
    ['1', 'George III silver teapot, London 1790', '100.00', '150.00', '250.00'],
    ['2', 'Pair of Sheffield plate candlesticks', '200.00', '150.00', '200.00'],
    ['3', 'Victorian silver card case', '50.00', '80.00', '120.00'],
    ['4', 'Georgian silver snuff box', '100.00', '150.00', '200.00'],
  ] as const
  for (const [number, title, startingPrice, estimateLow, estimateHigh] of lots) {
    const added = await stack.engine.addLot(
      saleId,
      { number, title, startingPrice, estimateLow, estimateHigh },
      HOUSE,
    )
    if (!added.ok) throw new Error(JSON.stringify(added.error))
  }
  return saleId
}

const go = (page: Page, path: string) => page.evaluate((hash) => (location.hash = hash), path)

async function register(
  page: Page,
  entry: { paddle: string; name: string; email?: string; limit?: string; approved: boolean },
): Promise<void> {
  const form = page.getByTestId('register-form')
  await form.getByLabel('Paddle').fill(entry.paddle)
  await form.getByLabel('Name').fill(entry.name)
  if (entry.email) await form.getByLabel('Email (optional)').fill(entry.email)
  if (entry.limit) await form.getByLabel('Credit limit (GBP, optional)').fill(entry.limit)
  await form.getByLabel('Approved to bid').setChecked(entry.approved)
  await form.getByRole('button', { name: 'Add bidder' }).click()
  await expect(page.getByTestId('register-note')).toHaveText(
    `Paddle ${entry.paddle} added: ${entry.name}.`,
  )
  await expect(
    page.getByTestId(`register-row-${entry.paddle}`).getByTestId('register-approved'),
  ).toHaveText(entry.approved ? 'Approved' : 'Not approved')
}

/** The clerk's paddle field: type the paddle, Enter bids the asking price for it. */
async function paddleBid(page: Page, paddle: string): Promise<void> {
  await page.keyboard.press('Alt+P')
  await page.getByTestId('paddle-input').fill(paddle)
  await page.getByTestId('paddle-input').press('Enter')
}

/** Clicks a button that downloads a file; answers its name and text. */
async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ])
  const path = await download.path()
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') }
}

/** Page objects of a PDF (`/Type /Page`, never the `/Pages` tree). */
function pdfPages(path: string): number {
  const text = readFileSync(path).toString('latin1')
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length
}

test('register paddles, run a short live sale, print the invoices to PDF and read the report', async ({
  stack,
  openConsole,
}) => {
  test.setTimeout(180_000)
  const saleId = await seedSale(stack)
  const clerk = await openConsole(staff('clerk-r', 'Rosa Clerk'))

  // The sale page links to its register and results; the terms are said in one line.
  await go(clerk, `#/sale/${saleId}`)
  await expect(clerk.getByTestId('sale-terms')).toContainText('Premium 25% up to £1,000.00')
  await expect(clerk.getByTestId('sale-terms')).toContainText('registered bidders only')
  // Staff edit the draft's terms: the commission goes from 10% to 15%.
  await clerk.getByRole('button', { name: 'Edit terms' }).click()
  const terms = clerk.getByTestId('terms-editor')
  await expect(terms.getByLabel('Band 1 rate')).toHaveValue('25%')
  await terms.getByLabel('Seller’s commission').fill('15')
  await atBothSizes(clerk, 'results-terms-editor')
  await terms.getByRole('button', { name: 'Save terms' }).click()
  await expect(clerk.getByTestId('sale-terms')).toContainText('commission 15%')
  await clerk.getByRole('button', { name: 'Dismiss' }).click()
  await clerk.getByTestId('sale-nav').getByRole('link', { name: 'Register' }).click()
  await expect(clerk.getByTestId('register-screen')).toBeVisible()
  await expect(clerk).toHaveURL(new RegExp(`#/sale/${saleId}/register$`))

  // The form says what is wrong before anything is sent.
  await clerk.getByTestId('register-form').getByRole('button', { name: 'Add bidder' }).click()
  await expect(clerk.getByText('The bidder’s name is required.')).toBeVisible()

  await register(clerk, {
    paddle: '101',
    name: 'Ann Smith',
    email: 'ann@example.com',
    limit: '2000.00',
    approved: true,
  })
  await register(clerk, { paddle: '102', name: 'Bo Lee', approved: false })
  await register(clerk, { paddle: '103', name: 'Cy Dunn', approved: true })
  await expect(clerk.getByTestId('register-row-101').getByTestId('register-limit')).toHaveText(
    '£2,000.00',
  )
  await expect(clerk.getByTestId('register-summary')).toContainText('3 paddles · 2 approved')
  await atBothSizes(clerk, 'results-register', () => expectNoHorizontalScroll(clerk))
  const registerCsv = await downloaded(clerk, 'Export CSV')
  expect(registerCsv.name).toBe(`winter-sale-of-silver-register-${saleId}.csv`)
  expect(registerCsv.text.split(/\r?\n/)[0]).toContain('paddle,name')
  expect(registerCsv.text).toContain('Ann Smith')

  // The live sale: lot 1 — the unapproved paddle is refused in words, then Ann buys it.
  const started = await stack.engine.startSale(saleId, HOUSE)
  if (!started.ok) throw new Error(JSON.stringify(started.error))
  await go(clerk, `#/sale/${saleId}`)
  await expect(clerk.getByTestId('live-clerk')).toBeVisible()
  // The key does nothing until the lots have loaded (its button shows when).
  await expect(clerk.getByTestId('next-lot')).toBeEnabled()
  await clerk.keyboard.press('Alt+N')
  await expect(clerk.getByTestId('block-number')).toHaveText('Lot 1')
  await paddleBid(clerk, '102')
  await expect(clerk.getByTestId('clerk-notice')).toHaveText(
    'That paddle is not approved to bid: approve it in the register first.',
  )
  await paddleBid(clerk, '999')
  await expect(clerk.getByTestId('clerk-notice')).toHaveText(
    'That paddle is not in the register: register the bidder first.',
  )
  await paddleBid(clerk, '101')
  await expect(clerk.getByTestId('block-leader')).toContainText('Paddle 101')
  await expect(clerk.getByTestId('block-leader')).toContainText('Ann Smith')
  await clerk.keyboard.press('Alt+H')
  await expect(clerk.getByTestId('block-leader')).toHaveText(
    'Sold to Paddle 101 (Ann Smith) for £100.00',
  )
  await atBothSizes(clerk, 'results-live-clerk', () => expectNoHorizontalScroll(clerk))

  // Lot 2: Cy, then Ann over him; lot 3: Cy; lot 4 passes.
  await clerk.keyboard.press('Alt+N')
  await expect(clerk.getByTestId('block-number')).toHaveText('Lot 2')
  await paddleBid(clerk, '103')
  await expect(clerk.getByTestId('block-leader')).toContainText('Paddle 103')
  await paddleBid(clerk, '101')
  await expect(clerk.getByTestId('block-price')).toHaveText('£210.00')
  await clerk.keyboard.press('Alt+H')
  await expect(clerk.getByTestId('block-leader')).toContainText('Sold to Paddle 101')
  await clerk.keyboard.press('Alt+N')
  await expect(clerk.getByTestId('block-number')).toHaveText('Lot 3')
  await paddleBid(clerk, '103')
  await expect(clerk.getByTestId('block-leader')).toContainText('Paddle 103')
  await clerk.keyboard.press('Alt+H')
  await expect(clerk.getByTestId('block-leader')).toContainText('Sold to Paddle 103')

  // Cy's credit limit goes to £100.00 in the register (edited in place) while the sale runs:
  // with lot 3 (£62.50 with premium) his bid on lot 4 (£125.00) goes over it, in words.
  await clerk.getByRole('button', { name: 'Register', exact: true }).click()
  await clerk.getByRole('button', { name: 'Edit the credit limit of paddle 103' }).click()
  await clerk.getByLabel('Credit limit for paddle 103').fill('100.00')
  await clerk.getByLabel('Credit limit for paddle 103').press('Enter')
  await expect(clerk.getByTestId('register-row-103').getByTestId('register-limit')).toHaveText(
    '£100.00',
  )
  await clerk.keyboard.press('Alt+B')
  await expect(clerk.getByTestId('live-clerk')).toBeVisible()
  await expect(clerk.getByTestId('next-lot')).toBeEnabled()
  await clerk.keyboard.press('Alt+N')
  await expect(clerk.getByTestId('block-number')).toHaveText('Lot 4')
  await paddleBid(clerk, '103')
  await expect(clerk.getByTestId('clerk-notice')).toHaveText(
    'Over that paddle’s credit limit. They may take on £37.50 more (hammer plus premium).',
  )
  await clerk.keyboard.press('Alt+X')
  await expect(clerk.getByTestId('pass-dialog')).toBeVisible()
  await clerk.keyboard.press('Enter')
  await expect(clerk.getByTestId('block-phase')).toHaveText('Passed')
  const ended = await stack.engine.endSale(saleId, HOUSE)
  if (!ended.ok) throw new Error(JSON.stringify(ended.error))

  // The report: totals, the chart of hammer against estimate, the sell-through.
  await clerk.getByRole('button', { name: 'Results', exact: true }).click()
  await expect(clerk.getByTestId('results-screen')).toBeVisible()
  await expect(clerk.getByTestId('total-hammer')).toHaveText('£360.00')
  await expect(clerk.getByTestId('total-premium')).toHaveText('£90.00')
  await expect(clerk.getByTestId('total-tax')).toHaveText('£18.00')
  await expect(clerk.getByTestId('total-sold')).toHaveText('3')
  await expect(clerk.getByTestId('total-passed')).toHaveText('1')
  await expect(clerk.getByTestId('hammer-chart')).toBeVisible()
  await expect(clerk.getByTestId('chart-lot')).toHaveCount(4)
  await expect(clerk.locator('[data-testid="chart-lot"][data-verdict="above"]')).toHaveCount(1)
  await expect(clerk.locator('[data-testid="chart-lot"][data-verdict="below"]')).toHaveCount(2)
  await expect(clerk.getByTestId('sell-through-lots')).toContainText('75%')
  await atBothSizes(clerk, 'results-report', () => expectNoHorizontalScroll(clerk))

  // The invoices by paddle: Ann's two lots, Cy's one; their sum is the buyers' total.
  await clerk.getByRole('tab', { name: 'Invoices' }).click()
  await expect(clerk.getByTestId('invoice-row-101')).toContainText('Ann Smith')
  await expect(clerk.getByTestId('invoice-row-103')).toContainText('Cy Dunn')
  await expect(clerk.getByTestId('invoices-total')).toHaveText('£468.00')
  const invoicesCsv = await downloaded(clerk, 'Invoices CSV')
  expect(invoicesCsv.name).toBe(`winter-sale-of-silver-invoices-${saleId}.csv`)
  expect(invoicesCsv.text).toContain('101')
  await atBothSizes(clerk, 'results-invoices', () => expectNoHorizontalScroll(clerk))

  // The consignor's statement: hammer less 15% commission.
  await clerk.getByRole('tab', { name: 'Statements' }).click()
  await expect(clerk.getByTestId('statement-row-seller-house')).toContainText('£306.00')
  await atBothSizes(clerk, 'results-statements', () => expectNoHorizontalScroll(clerk))
  await clerk.getByRole('tab', { name: 'Invoices' }).click()

  // The print layout: one invoice per page. The web console prints with the browser.
  await clerk.getByRole('button', { name: 'Print invoices' }).click()
  await expect(clerk.getByTestId('print-screen')).toBeVisible()
  const invoices = clerk.locator('section.invoice')
  await expect(invoices).toHaveCount(2)
  await expect(clerk.getByTestId('print-count')).toHaveText('2 invoices, one per page')
  await clerk.evaluate(() => {
    const counter = window as unknown as { printed: number }
    counter.printed = 0
    window.print = () => void (counter.printed += 1)
  })
  await clerk.getByRole('button', { name: 'Print / Save as PDF' }).click()
  await expect
    .poll(() => clerk.evaluate(() => (window as unknown as { printed: number }).printed))
    .toBe(1)
  await atBothSizes(clerk, 'results-print-invoices', () => expectNoHorizontalScroll(clerk))

  await clerk.emulateMedia({ media: 'print' })
  await expect(clerk.getByRole('banner')).toBeHidden()
  const folder = join('test-results', 'pdf')
  mkdirSync(folder, { recursive: true })
  const pdf = join(folder, 'results-invoices.pdf')
  await clerk.pdf({ path: pdf, format: 'A4', printBackground: true })
  expect(existsSync(pdf)).toBe(true)
  expect(pdfPages(pdf)).toBe(2)
  await screenshot(clerk, 'results-print-media')
  await clerk.emulateMedia({ media: 'screen' })

  // The sale's seller reads their own statement, and nothing else of the results.
  const consignor = await openConsole(seller('seller-house', 'House'))
  await go(consignor, `#/sale/${saleId}`)
  await consignor.getByRole('button', { name: 'My statement' }).click()
  await expect(consignor.getByTestId('statement')).toBeVisible()
  await expect(consignor.getByTestId('statement-net')).toHaveText('£306.00')
  await expect(consignor.getByRole('tab', { name: 'Invoices' })).toHaveCount(0)
  await atBothSizes(consignor, 'results-seller-statement', () =>
    expectNoHorizontalScroll(consignor),
  )
})

test('a new sale takes its premium bands, tax, commission and registration from the form', async ({
  openConsole,
}) => {
  const page = await openConsole(seller('seller-terms', 'Terms House'))
  await page.getByRole('button', { name: 'Seller panel' }).click()
  const create = page.getByTestId('create-sale-form')
  await create.getByLabel('Sale title').fill('Spring sale of pictures')
  await create.getByLabel('Live (auctioneer)').check()
  await create.getByLabel('Sale currency').selectOption('GBP')
  await create.getByLabel('Increment', { exact: true }).fill('10')
  const terms = create.getByTestId('terms-fields')
  await terms.getByRole('button', { name: 'Add premium band' }).click()
  await terms.getByLabel('Band 1: up to (GBP)').fill('500000')
  await terms.getByLabel('Band 1 rate').fill('25%')
  await terms.getByLabel('Band 2 rate').fill('30%')
  await terms.getByLabel('Tax on premium').fill('20')
  await terms.getByLabel('Seller’s commission').fill('12.5%')
  await terms.getByLabel('Fee per lot sold (GBP)').fill('5')
  await terms.getByLabel(/Require registration/).check()
  await terms.getByLabel('Band 2 rate').fill('130%')
  await create.getByRole('button', { name: 'Create draft' }).click()
  // A rate above 100% is caught before anything is sent.
  await expect(
    terms.getByText('Band 2 rate: not a rate from 0% to 100%, e.g. 25% or 12.5%.'),
  ).toBeVisible()
  await terms.getByLabel('Band 2 rate').fill('30%')
  await terms.scrollIntoViewIfNeeded()
  await atBothSizes(page, 'results-create-terms')
  await create.getByRole('button', { name: 'Create draft' }).click()
  await expect(page.getByTestId('sale-title')).toHaveText('Spring sale of pictures')
  await expect(page.getByTestId('sale-terms')).toHaveText(
    'Premium 25% up to £500,000.00, then 30% above · tax on premium 20% · commission 12.5% · fee £5.00 per lot sold · registered bidders only',
  )
  await atBothSizes(page, 'results-sale-terms', () => expectNoHorizontalScroll(page))
})
