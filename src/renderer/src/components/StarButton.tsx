// Watch (star) an auction: toasts for its new bids, a notification when it ends.
import { useConsole } from '../context'
import { askNotificationPermission } from '../live/notify'
import { Kbd, keyshortcut } from './Kbd'

/** `shortcut`: in the room, where Alt+W toggles it, the key is shown next to the star. */
export function StarButton(props: { auctionId: string; title: string; shortcut?: boolean }) {
  const starred = useConsole((state) => state.starred.includes(props.auctionId))
  const toggleStar = useConsole((state) => state.toggleStar)
  return (
    <button
      type="button"
      className={`star ${starred ? 'star--on' : ''}`}
      aria-pressed={starred}
      aria-label={`Watch ${props.title}`}
      aria-keyshortcuts={props.shortcut ? keyshortcut('watch') : undefined}
      title={starred ? 'Watched: toasts and notifications on' : 'Watch this auction'}
      onClick={() => {
        if (!starred) askNotificationPermission()
        toggleStar(props.auctionId)
      }}
    >
      <span aria-hidden="true">{starred ? '★' : '☆'}</span>
      {props.shortcut ? <Kbd name="watch" /> : null}
    </button>
  )
}
