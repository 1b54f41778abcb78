// Watch (star) an auction: toasts for its new bids, a notification when it ends.
import { useConsole } from '../context'
import { askNotificationPermission } from '../live/notify'

export function StarButton(props: { auctionId: string; title: string }) {
  const starred = useConsole((state) => state.starred.includes(props.auctionId))
  const toggleStar = useConsole((state) => state.toggleStar)
  return (
    <button
      type="button"
      className={`star ${starred ? 'star--on' : ''}`}
      aria-pressed={starred}
      aria-label={`Watch ${props.title}`}
      title={starred ? 'Watched: toasts and notifications on' : 'Watch this auction'}
      onClick={() => {
        if (!starred) askNotificationPermission()
        toggleStar(props.auctionId)
      }}
    >
      <span aria-hidden="true">{starred ? '★' : '☆'}</span>
    </button>
  )
}
