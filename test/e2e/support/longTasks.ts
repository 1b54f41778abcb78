// Long-task figures for the browser tests: what the console's own work costs, recorded with
// a PerformanceObserver ('longtask') in the page and reported, never asserted. Playwright's
// own work in the page is kept out of the measured windows (see startLongTasks and
// newestBidShown). With E2E_PROFILE=1 a phase is also saved as a Chromium performance trace.
import type { Browser, Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export const PROFILES = join('test-results', 'profiles')

export interface LongTasks {
  count: number
  maxMs: number
}

/**
 * Starts recording long tasks once the page has settled. Polling with waitForFunction
 * first loads Playwright's injected script into the page (a long task of its own), so it
 * is loaded here, before recording starts.
 */
export async function startLongTasks(page: Page): Promise<void> {
  await page.waitForFunction(() => true)
  await settled(page)
  await page.evaluate(() => {
    const tasks: number[] = []
    ;(window as unknown as { __longTasks: number[] }).__longTasks = tasks
    new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => tasks.push(entry.duration)),
    ).observe({ type: 'longtask' })
  })
}

/** The long tasks since the last call: how many, and the longest. */
export async function takeLongTasks(page: Page): Promise<LongTasks> {
  return page.evaluate(() => {
    const tasks = (window as unknown as { __longTasks: number[] }).__longTasks.splice(0)
    return { count: tasks.length, maxMs: Math.round(Math.max(0, ...tasks)) }
  })
}

export const describeLongTasks = (tasks: LongTasks): string =>
  `${tasks.count} long tasks (max ${tasks.maxMs} ms)`

/** Two animation frames: what is on screen has been laid out and painted. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  )
}

/**
 * Waits until the newest row of the bid history shows bid `id`, polled inside the page:
 * while an element is missing, `expect(locator)` snapshots the whole page's aria tree on
 * every retry, and that snapshot would be counted as a long task of the console.
 */
export async function newestBidShown(page: Page, id: number): Promise<void> {
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="bid-row"] [role="cell"]')?.textContent === text,
    String(id),
  )
}

/** Waits until the price chart is drawn (it redraws on its own schedule, after the rows). */
export async function chartDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="price-chart"]') !== null)
}

export const profiling = process.env.E2E_PROFILE === '1'

/**
 * Runs a phase; with E2E_PROFILE=1 records it as a Chromium trace (timeline, JS samples)
 * in test-results/profiles/<name>.json, for DevTools' Performance panel. Starting the
 * profiler is itself a long task in the page: figures taken while profiling run high.
 */
export async function profiled<T>(
  browser: Browser,
  page: Page,
  name: string,
  run: () => Promise<T>,
): Promise<T> {
  if (!profiling) return run()
  mkdirSync(PROFILES, { recursive: true })
  await browser.startTracing(page, {
    path: join(PROFILES, `${name}.json`),
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-devtools.timeline.frame',
      'disabled-by-default-v8.cpu_profiler',
      'v8.execute',
      'blink.user_timing',
      'toplevel',
    ],
  })
  try {
    return await run()
  } finally {
    await browser.stopTracing()
  }
}
