// The desktop's print:pdf: prints a console window's page with Electron's printToPDF (print
// media: the print layout's one invoice per page, backgrounds kept, A4) and writes the file
// under the user's Downloads folder with a safe, unused name. The API reaches this through
// ctx.printToPdf (see api/print-commands.ts); nothing below the shell imports Electron.
import { access, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PdfPrinter } from '../api/context'

/** The part of Electron's WebContents this needs (a fake in tests). */
export interface PrintableContents {
  printToPDF(options: { printBackground: boolean; pageSize: 'A4' }): Promise<Uint8Array>
}

const NAME_LIMIT = 100

/**
 * A file name that is safe on every desktop: no folders, no control or reserved characters
 * (< > : " / \ | ? *), no leading dots, at most 100 characters, ending in ".pdf".
 */
export function safePdfName(fileName: string): string {
  const base = fileName
    .replace(/\.pdf$/i, '')
    // Control characters and the characters Windows, macOS or Linux reserve.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
    .slice(0, NAME_LIMIT)
    .trim()
  return `${base || 'auction-console'}.pdf`
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  )

/** "name.pdf", or "name (2).pdf", "name (3).pdf"… when taken: an earlier print is kept. */
export async function unusedPath(folder: string, name: string): Promise<string> {
  const stem = name.replace(/\.pdf$/, '')
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? name : `${stem} (${n}).pdf`)
    if (!(await exists(path))) return path
  }
}

export interface PdfPrinterOptions {
  /** The window (webContents) of an API session, or null for a session without one. */
  contentsOf: (sessionId: string) => PrintableContents | null
  /** Where the files go: the user's Downloads folder (app.getPath('downloads')). */
  folder: () => string
}

export function createPdfPrinter(options: PdfPrinterOptions): PdfPrinter {
  return async (sessionId, fileName) => {
    const contents = options.contentsOf(sessionId)
    if (!contents) return null
    const data = await contents.printToPDF({ printBackground: true, pageSize: 'A4' })
    const folder = options.folder()
    await mkdir(folder, { recursive: true })
    const path = await unusedPath(folder, safePdfName(fileName))
    await writeFile(path, data)
    return path
  }
}
