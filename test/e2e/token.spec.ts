// The web token stays with the console's own tab (security review, issue 9): no cookie ever
// carries it, so another server on 127.0.0.1 (cookies ignore the port) is never sent it; the
// address bar and the WebSocket URL never show it; and when the server goes away, the
// browser's console messages about the lost socket do not name it.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connectionLabel, expect, PASSWORD, signIn, staff, test } from './support/fixtures'

test('the token never leaves the tab: no cookie, not in URLs, not in console messages', async ({
  browser,
  stack,
}) => {
  // A foreign local server, on another loopback port, that records what browsers send it.
  const seen: IncomingHttpHeaders[] = []
  const foreign = createServer((request, response) => {
    seen.push(request.headers)
    response.writeHead(200, { 'Content-Type': 'text/html' })
    response.end('<!doctype html><title>foreign</title><p>foreign page</p>')
  })
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve))
  const foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    const messages: string[] = []
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`))
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`))
    const sockets: string[] = []
    page.on('websocket', (socket) => sockets.push(socket.url()))
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))

    await stack.addOperator(staff('clerk-t'), PASSWORD)
    await page.goto(stack.url)
    await signIn(page, 'clerk-t', PASSWORD)
    await expect(page.getByRole('banner').getByTestId('operator')).toContainText('clerk-t')
    await expect(connectionLabel(page)).toHaveText('Live')

    // Out of the address bar at once, and in no URL after the first load.
    expect(await page.evaluate(() => location.href)).not.toContain(stack.token)
    expect(sockets.length).toBeGreaterThan(0)
    for (const url of sockets) expect(url).not.toContain(stack.token)
    expect(requests.slice(1).filter((url) => url.includes(stack.token))).toEqual([])
    // Never a cookie: nothing a browser would send to another port of 127.0.0.1.
    expect(await context.cookies()).toEqual([])

    // The same browser visits another local server: nothing of the token reaches it.
    const other = await context.newPage()
    await other.goto(foreignUrl)
    await expect(other.getByText('foreign page')).toBeVisible()
    expect(seen.length).toBeGreaterThan(0)
    expect(JSON.stringify(seen)).not.toContain(stack.token)
    await other.close()

    // The console's server goes away: the browser logs the failed socket, never the token.
    await stack.stopServer()
    await expect(connectionLabel(page)).toHaveText(/Reconnecting|Offline/)
    await expect
      .poll(() => messages.filter((line) => /WebSocket/i.test(line)).length, { timeout: 15_000 })
      .toBeGreaterThan(1)
    expect(messages.filter((line) => line.includes(stack.token))).toEqual([])
    expect(await page.evaluate(() => location.href)).not.toContain(stack.token)
  } finally {
    await context.close()
    await new Promise<void>((resolve) => foreign.close(() => resolve()))
  }
})
