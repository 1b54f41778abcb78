// Playwright fixtures: `stack` (private Redis + web mode, always stopped) and `openConsole`
// (the operator's account created, then a browser context per console signed in through
// the sign-in screen, its console errors logged, always closed).
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { OperatorProfile } from '../../../src/shared/contract'
import { startStack, type Stack } from './stack'

export const SCREENSHOTS = join('test-results', 'screenshots')

/** Every e2e operator's password (the account store's rules: 10 characters or more). */
export const PASSWORD = 'correct horse battery'

interface OpenOptions {
  /** A screenshot of the sign-in screen, by this name, before signing in. */
  screenshot?: string
  /** False: stop at the sign-in screen (the account exists). */
  signIn?: boolean
}

interface Fixtures {
  stack: Stack
  /**
   * Creates this operator's account (if new), opens a console and signs in through the
   * sign-in screen, then waits until it is live. Each call is a new browser context.
   */
  openConsole: (profile: OperatorProfile, options?: OpenOptions) => Promise<Page>
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies first
  stack: async ({}, use) => {
    const stack = await startStack()
    try {
      await use(stack)
    } finally {
      await stack.close()
    }
  },
  openConsole: async ({ browser, stack }, use, testInfo) => {
    const contexts: BrowserContext[] = []
    const errors: string[] = []
    try {
      await use(async (profile, options = {}) => {
        const context = await browser.newContext()
        contexts.push(context)
        const page = await context.newPage()
        const who = profile.operatorId
        page.on('console', (message) => {
          if (message.type() !== 'error') return
          const line = `[${who}] console error: ${message.text()}`
          errors.push(line)
          console.log(line)
        })
        page.on('pageerror', (error) => {
          const line = `[${who}] page error: ${error.message}`
          errors.push(line)
          console.log(line)
        })
        await stack.addOperator(profile, PASSWORD)
        await page.goto(stack.url)
        await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
        await expect(connectionLabel(page)).toHaveText('Live')
        if (options.screenshot) await screenshot(page, options.screenshot)
        if (options.signIn === false) return page
        await signIn(page, profile.operatorId, PASSWORD)
        await expect(page.getByRole('banner').getByTestId('operator')).toContainText(
          profile.operatorId,
        )
        return page
      })
    } finally {
      for (const context of contexts) await context.close()
      if (errors.length > 0) {
        await testInfo.attach('browser-console-errors', {
          body: errors.join('\n'),
          contentType: 'text/plain',
        })
      }
    }
  },
})

export { expect }

/** Fills the sign-in screen and presses Sign in (the caller checks what follows). */
export async function signIn(page: Page, operatorId: string, password: string): Promise<void> {
  const form = page.getByTestId('sign-in-form')
  await form.getByLabel('Operator id').fill(operatorId)
  await form.getByLabel('Password').fill(password)
  await form.getByRole('button', { name: 'Sign in' }).click()
}

/** The connection indicator in the top bar. */
export const connectionLabel = (page: Page) =>
  page.getByRole('banner').getByTestId('connection-label')

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })
}

/** The console sizes we look at: a common clerk's screen and a full-HD one. */
export const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]

/**
 * At each size: `check` (layout assertions), then a screenshot `<name>-<w>x<h>.png`; then
 * back to the size the test runs at.
 */
export async function atBothSizes(
  page: Page,
  name: string,
  check: (size: { width: number; height: number }) => Promise<void> = async () => undefined,
): Promise<void> {
  const before = page.viewportSize()
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await check(size)
    await screenshot(page, `${name}-${size.width}x${size.height}`)
  }
  if (before) await page.setViewportSize(before)
}

/** Nothing is wider than the window: no horizontal scrolling. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    )
    .toBeLessThanOrEqual(0)
}

/** Opens the single auctions list (the home screen lists sales). */
export async function openAuctions(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Single auctions' })
    .click()
  await expect(page.getByRole('heading', { name: 'Single auctions' })).toBeVisible()
}

/** From the single auctions list (live tab), opens an auction's room by its title. */
export async function openRoom(page: Page, title: string): Promise<void> {
  await openAuctions(page)
  await page.getByRole('button', { name: title, exact: true }).click()
  await expect(page.getByTestId('room-title')).toHaveText(title)
}

export const staff = (operatorId: string, displayName = 'Clerk'): OperatorProfile => ({
  displayName,
  operatorId,
  role: 'staff',
})

export const seller = (operatorId: string, displayName = 'Seller'): OperatorProfile => ({
  displayName,
  operatorId,
  role: 'seller',
})
