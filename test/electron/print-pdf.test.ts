// print:pdf: the desktop prints the calling window to a PDF under Downloads with a safe,
// unused name; a session without a window, and the web mode (no printer offered), answer
// INVALID_STATUS so the page uses the browser's print. No Electron here: a fake webContents.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CommandContext, SessionState } from '../../src/main/api/context'
import { printHandlers } from '../../src/main/api/print-commands'
import { createPdfPrinter, safePdfName } from '../../src/main/window/print-pdf'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const session = (signedIn = true): SessionState => ({
  id: 'session-1',
  profile: signedIn ? { operatorId: 'clerk-1', displayName: 'Clerk', role: 'staff' } : null,
  epoch: 0,
  display: false,
  signInFailures: 0,
  signInBlockedUntil: 0,
})

const print = (ctx: Partial<CommandContext>, state = session()) =>
  printHandlers['print:pdf'](ctx as CommandContext, state, { fileName: 'winter-sale-invoices' })

describe('safePdfName', () => {
  it('keeps a plain name, adds .pdf once, and takes out folders and reserved characters', () => {
    expect(safePdfName('winter-sale-invoices-S1')).toBe('winter-sale-invoices-S1.pdf')
    expect(safePdfName('Invoices.PDF')).toBe('Invoices.pdf')
    expect(safePdfName('../../etc/passwd')).toBe('etc-passwd.pdf')
    expect(safePdfName('a<b>:c"d|e?f*g\\h\u0000i')).toBe('a-b-c-d-e-f-g-h-i.pdf')
    expect(safePdfName('...')).toBe('auction-console.pdf')
    expect(safePdfName('x'.repeat(300))).toBe(`${'x'.repeat(100)}.pdf`)
  })
})

describe('print:pdf', () => {
  it('prints the session’s window as A4 with backgrounds into the folder, never over a file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'print-pdf-'))
    folders.push(folder)
    const printToPDF = vi.fn(async () => new TextEncoder().encode('%PDF-1.4 fake'))
    const printer = createPdfPrinter({
      folder: () => join(folder, 'Downloads'),
      contentsOf: (sessionId) => (sessionId === 'session-1' ? { printToPDF } : null),
    })
    const first = await print({ printToPdf: printer })
    const second = await print({ printToPdf: printer })
    expect(printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4' })
    if (!first.ok || !second.ok) throw new Error('not printed')
    expect(dirname(first.path)).toBe(join(folder, 'Downloads'))
    expect(basename(first.path)).toBe('winter-sale-invoices.pdf')
    expect(basename(second.path)).toBe('winter-sale-invoices (2).pdf')
    expect(readFileSync(first.path, 'latin1')).toBe('%PDF-1.4 fake')
  })

  it('answers INVALID_STATUS where there is no window to print (the web mode)', async () => {
    const web = await print({})
    expect(web.ok ? null : web.error.code).toBe('INVALID_STATUS')
    expect(web.ok ? '' : web.error.message).toContain("browser's print")
    const printer = createPdfPrinter({ folder: () => tmpdir(), contentsOf: () => null })
    const windowless = await print({ printToPdf: printer })
    expect(windowless.ok ? null : windowless.error.code).toBe('INVALID_STATUS')
  })

  it('needs a signed-in session', async () => {
    const answer = await print({}, session(false))
    expect(answer.ok ? null : answer.error.code).toBe('UNAUTHORIZED')
  })
})
