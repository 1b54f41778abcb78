// print:pdf — the desktop app prints the calling window's page (the print layout of a sale's
// invoices or statements) to a PDF file and answers where it went. The printing itself is the
// window layer's (Electron's printToPDF, injected as ctx.printToPdf): the API and the engine
// never import Electron. The web mode has no window to print: its page uses the browser's
// own print, and this answers INVALID_STATUS saying so.
import type { CommandName } from '../../shared/contract'
import { fail } from '../../shared/errors'
import { requireProfile } from './access'
import type { Handler } from './context'

export const printHandlers: { [N in Extract<CommandName, 'print:pdf'>]: Handler<N> } = {
  'print:pdf': async (ctx, session, { fileName }) => {
    const denied = requireProfile(session.profile)
    if (denied) return denied
    const print = ctx.printToPdf
    if (!print)
      return fail(
        'INVALID_STATUS',
        "This console prints with the browser: use the browser's print.",
      )
    const printed = await print(session.id, fileName)
    if (printed === null) {
      return fail('INVALID_STATUS', "This session has no window to print: use the browser's print.")
    }
    return { ok: true as const, path: printed }
  },
}
