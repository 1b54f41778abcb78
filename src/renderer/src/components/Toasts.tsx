// New bids on watched auctions and other news, announced politely to screen readers.
import { useEffect } from 'react'
import { useConsole } from '../context'
import type { Toast } from '../store'

const SHOW_MS = 6000

function ToastItem(props: { toast: Toast }) {
  const { toast } = props
  const dismiss = useConsole((state) => state.dismissToast)
  const go = useConsole((state) => state.go)
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), SHOW_MS)
    return () => clearTimeout(timer)
  }, [dismiss, toast.id])
  return (
    <li className={`toast toast--${toast.tone}`}>
      {toast.auctionId ? (
        <button
          type="button"
          className="toast__text link"
          onClick={() => {
            go({ screen: 'room', auctionId: toast.auctionId as string })
            dismiss(toast.id)
          }}
        >
          {toast.text}
        </button>
      ) : (
        <span className="toast__text">{toast.text}</span>
      )}
      <button
        type="button"
        className="toast__close"
        aria-label="Dismiss"
        onClick={() => dismiss(toast.id)}
      >
        ×
      </button>
    </li>
  )
}

export function Toasts() {
  const toasts = useConsole((state) => state.toasts)
  return (
    <ol className="toasts" aria-live="polite" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </ol>
  )
}
