// "Print / Save as PDF": the desktop app prints the page it shows to a PDF file on the main
// side (print:pdf, Electron printToPDF) and answers where it went; the web console uses the
// browser's print dialog (which saves as PDF too). Answers what happened, in words.
import { useCallback } from 'react'
import { useApi } from '../context'
import { safeCall } from '../live/authCommands'

export type PrintResult = { tone: 'success' | 'warning'; text: string } | null

/** The desktop app: the preload's bridge is there (the web console talks over a socket). */
const onDesktop = (): boolean => typeof window !== 'undefined' && window.auctionApi !== undefined

export function usePrint(): (fileName: string) => Promise<PrintResult> {
  const api = useApi()
  return useCallback(
    async (fileName: string): Promise<PrintResult> => {
      if (onDesktop()) {
        const answer = await safeCall(api)('print:pdf', { fileName })
        if (answer.ok) return { tone: 'success', text: `Saved as PDF: ${answer.path}` }
        // A main side without printing (INVALID_STATUS): the page's own print still works.
        if (answer.error.code !== 'INVALID_STATUS') {
          return { tone: 'warning', text: `Not printed: ${answer.error.message}` }
        }
      }
      window.print()
      return null
    },
    [api],
  )
}
