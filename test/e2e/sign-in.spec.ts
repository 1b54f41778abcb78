// Signing in is real: an operator signs in with their account's password, a wrong one
// changes nothing but the words on the screen, staff manage the accounts in Settings →
// Operators, and disabling an account ends its sign-in on every console at once (each
// returns to the sign-in screen by itself). Sign out ends it too, and a reload stays
// signed out. Screenshots of the sign-in and Operators screens at 1280×720 and 1920×1080
// in test-results/screenshots/ (sign-in-*.png, operators-*.png).
import {
  atBothSizes,
  expect,
  expectNoHorizontalScroll,
  PASSWORD,
  seller,
  signIn,
  staff,
  test,
} from './support/fixtures'

const FAILED = 'The operator id or password is not right.'

test('sign in, a wrong password, Settings → Operators, a disabled account, sign out', async ({
  openConsole,
  stack,
}) => {
  const page = await openConsole(staff('clerk-admin', 'Ada Admin'), { signIn: false })
  const operator = page.getByRole('banner').getByTestId('operator')
  await expect(page.getByLabel('Password')).toHaveAttribute('type', 'password')
  await atBothSizes(page, 'sign-in', () => expectNoHorizontalScroll(page))

  // A wrong password: the one failure, still on the sign-in screen, nobody signed in.
  await signIn(page, 'clerk-admin', 'not the password at all')
  await expect(page.getByTestId('sign-in-error')).toContainText(FAILED)
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await expect(operator).toHaveCount(0)
  await expect(page.getByLabel('Password')).toHaveValue('')
  await atBothSizes(page, 'sign-in-failed')

  // The right one (after any slow-down the screen counts down).
  const button = page.getByTestId('sign-in-form').getByRole('button', { name: 'Sign in' })
  await expect(button).toBeEnabled({ timeout: 30_000 })
  await signIn(page, 'clerk-admin', PASSWORD)
  await expect(operator).toContainText('Ada Admin')
  await expect(page.getByRole('heading', { name: 'Sales', exact: true })).toBeVisible()

  // A seller signed in on two consoles.
  const dee = seller('seller-dee', 'Dee Seller')
  const consoles = [await openConsole(dee), await openConsole(dee)]

  // Staff: Settings → Operators, add an account, then disable the seller's.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Settings' })
    .click()
  await page.getByRole('tab', { name: 'Operators' }).click()
  await expect(page).toHaveURL(/#\/settings\/operators$/)
  const form = page.getByTestId('add-operator-form')
  await form.getByLabel('Operator id').fill('bidder-e2e')
  await form.getByLabel('Display name').fill('Eve Bidder')
  await form.getByRole('radio', { name: /^Bidder/ }).check()
  await form.getByLabel('Password').fill('short')
  await form.getByRole('button', { name: 'Add operator' }).click()
  await expect(form.getByRole('alert')).toContainText('10')
  await form.getByLabel('Password').fill(PASSWORD)
  await form.getByRole('button', { name: 'Add operator' }).click()
  await expect(page.getByTestId('operator-bidder-e2e')).toContainText('Eve Bidder')

  const row = page.getByTestId('operator-seller-dee')
  await expect(row.getByTestId('operator-status')).toHaveText('Active')
  await row.getByRole('button', { name: 'Disable' }).click()
  await page.getByTestId('confirm').getByRole('button', { name: 'Disable' }).click()
  await expect(row.getByTestId('operator-status')).toHaveText('Disabled')
  // Both of the seller's consoles return to the sign-in screen by themselves, and say why.
  for (const other of consoles) {
    await expect(other.getByTestId('sign-in-form')).toBeVisible({ timeout: 2500 })
    await expect(other.getByTestId('session-notice')).not.toBeEmpty()
    await expect(other.getByRole('banner').getByTestId('operator')).toHaveCount(0)
  }
  await atBothSizes(page, 'operators', () => expectNoHorizontalScroll(page))

  // A disabled account cannot sign in, and the words do not say why.
  const [first] = consoles
  if (!first) throw new Error('no console')
  await signIn(first, 'seller-dee', PASSWORD)
  await expect(first.getByTestId('sign-in-error')).toContainText(FAILED)
  // Enabled again, it can.
  await row.getByRole('button', { name: 'Enable' }).click()
  await expect(row.getByTestId('operator-status')).toHaveText('Active')
  await expect(
    first.getByTestId('sign-in-form').getByRole('button', { name: 'Sign in' }),
  ).toBeEnabled({ timeout: 30_000 })
  await signIn(first, 'seller-dee', PASSWORD)
  await expect(first.getByRole('heading', { name: 'Seller panel' })).toBeVisible()

  // Sign out: back to the sign-in screen, and a reload stays there.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByTestId('sign-in-form')).toBeVisible()
  await expect(page.getByTestId('session-notice')).toHaveText('You have signed out.')
  await page.reload()
  await expect(page.getByTestId('sign-in-form')).toBeVisible()
  await expect(operator).toHaveCount(0)

  // Redis goes away: the sign-in screen says so, and the connection settings open before
  // anyone signs in.
  await stack.stopRedis()
  const note = page.getByTestId('auth-connection')
  await expect(note).toContainText('No connection to the auction server', { timeout: 15_000 })
  await atBothSizes(page, 'sign-in-offline', () => expectNoHorizontalScroll(page))
  await note.getByRole('button', { name: 'Connection settings' }).click()
  await expect(page.getByRole('heading', { name: 'Connection settings' })).toBeVisible()
  await expect(page.getByTestId('settings-form')).toBeVisible()
  await page.getByRole('button', { name: 'Back to sign-in' }).click()
  await stack.restartRedis()
  await expect(page.getByRole('banner').getByTestId('connection-label')).toHaveText('Live', {
    timeout: 20_000,
  })
  await expect(note).toHaveCount(0)
  await signIn(page, 'clerk-admin', PASSWORD)
  await expect(operator).toContainText('Ada Admin')
})

test('first launch: an empty store asks for the first staff account, which signs in', async ({
  browser,
  stack,
}) => {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(stack.url)
    await expect(
      page.getByRole('heading', { name: 'Create the first staff account' }),
    ).toBeVisible()
    await atBothSizes(page, 'setup', () => expectNoHorizontalScroll(page))
    const form = page.getByTestId('setup-form')
    await form.getByLabel('Display name').fill('Head Clerk')
    await form.getByLabel('Operator id').fill('head-clerk')
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await form.getByLabel('Confirm password').fill(`${PASSWORD}!`)
    await form.getByRole('button', { name: 'Create account and sign in' }).click()
    await expect(form.getByText('The two passwords are not the same.')).toBeVisible()
    await form.getByLabel('Confirm password').fill(PASSWORD)
    await form.getByRole('button', { name: 'Create account and sign in' }).click()
    const operator = page.getByRole('banner').getByTestId('operator')
    await expect(operator).toContainText('Head Clerk')
    await expect(operator).toContainText('staff')

    // The account is real: another tab signs in with it, and no second first account exists.
    const other = await context.newPage()
    await other.goto(stack.url)
    await expect(other.getByTestId('sign-in-form')).toBeVisible()
    await signIn(other, 'head-clerk', PASSWORD)
    await expect(other.getByRole('banner').getByTestId('operator')).toContainText('head-clerk')
  } finally {
    await context.close()
  }
})
