// Native notifications: the desktop shell's capability when it offers one, otherwise the
// browser's Notification API only if the operator already allowed it. Never blocks.
interface ShellNotifier {
  notify?: (title: string, body: string) => unknown
}

function shellNotifier(): ShellNotifier['notify'] | undefined {
  const bridge = (globalThis as { auctionApi?: ShellNotifier }).auctionApi
  return typeof bridge?.notify === 'function' ? bridge.notify.bind(bridge) : undefined
}

export function notify(title: string, body: string): void {
  try {
    const shell = shellNotifier()
    if (shell) {
      void Promise.resolve(shell(title, body)).catch(() => undefined)
      return
    }
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      new Notification(title, { body })
    }
  } catch {
    // A notification is a courtesy: the toast already said it.
  }
}

/** Asks for permission from a user gesture (starring an auction); the answer is not awaited. */
export function askNotificationPermission(): void {
  if (shellNotifier()) return
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
    void Notification.requestPermission().catch(() => undefined)
  }
}
