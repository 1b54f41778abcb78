// Opens the room display of a sale: the main side answers its read-only link (the web mode
// mints a display-only token; the desktop opens a second window itself and answers its
// app:// address). A web link opens in a new tab, to be moved to the projector's screen.
import { useImperativeHandle, useState, type Ref } from 'react'
import type { Sale } from '../../../../shared/domain'
import { Kbd, keyshortcut } from '../../components/Kbd'
import { useLiveCommands } from '../../hooks/useLiveCommands'
import { liveErrorWords } from '../../lib/liveWords'

const isWebLink = (url: string): boolean => /^https?:$/.test(new URL(url).protocol)

export interface DisplayLinkHandle {
  open: () => void
}

export function DisplayLinkButton(props: {
  sale: Sale
  /** Its action, for its key. */
  ref?: Ref<DisplayLinkHandle>
  onNotice: (notice: { tone: 'good' | 'bad'; text: string }) => void
}) {
  const commands = useLiveCommands()
  const [pending, setPending] = useState(false)
  const { sale, onNotice, ref } = props

  const open = async (): Promise<void> => {
    if (pending) return
    setPending(true)
    const answer = await commands.displayLink(sale.id)
    setPending(false)
    if (!answer.ok) {
      onNotice({ tone: 'bad', text: `No room display: ${liveErrorWords(answer.error)}` })
      return
    }
    if (isWebLink(answer.url)) {
      window.open(answer.url, '_blank', 'noopener,noreferrer')
      onNotice({
        tone: 'good',
        text: 'Room display opened in a new tab: move it to the projector and press F11.',
      })
    } else {
      onNotice({ tone: 'good', text: 'Room display opened in its own window.' })
    }
  }

  useImperativeHandle(ref, () => ({ open: () => void open() }))

  return (
    <button
      type="button"
      className="button"
      disabled={pending}
      aria-keyshortcuts={keyshortcut('display')}
      onClick={() => void open()}
      data-testid="display-button"
    >
      Room display <Kbd name="display" />
    </button>
  )
}
