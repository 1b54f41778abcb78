// The `?` overlay: every keyboard shortcut, the current screen's first.
import { useConsole } from '../context'
import { KEYS, SHORTCUT_SECTIONS } from '../lib/shortcuts'
import { Dialog } from './Dialog'

export function ShortcutsOverlay() {
  const open = useConsole((state) => state.shortcutsOpen)
  const screen = useConsole((state) => state.route.screen)
  const show = useConsole((state) => state.showShortcuts)
  if (!open) return null
  const sections = [...SHORTCUT_SECTIONS].sort(
    (a, b) => Number(b.screens.includes(screen)) - Number(a.screens.includes(screen)),
  )
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => show(false)} testId="shortcuts">
      <div
        className="shortcuts"
        onKeyDown={(event) => {
          if (event.key === '?') show(false)
        }}
      >
        {sections.map((section) => (
          <section key={section.title} className="shortcuts__section">
            <h3>
              {section.title}
              {section.screens.includes(screen) ? (
                <span className="muted"> · this screen</span>
              ) : null}
            </h3>
            <dl className="shortcuts__list">
              {section.keys.map((name) => (
                <div key={name}>
                  <dt>
                    <kbd>{KEYS[name].label}</kbd>
                  </dt>
                  <dd>{KEYS[name].does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <div className="dialog__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => show(false)}
            data-autofocus
          >
            Close
          </button>
        </div>
      </div>
    </Dialog>
  )
}
