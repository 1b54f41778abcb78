// Appearance: follow the operating system, or always light, or always dark.
import { useConsole } from '../../context'
import type { Theme } from '../../store'

const LABEL: Record<Theme, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' }

export function ThemeSettings() {
  const theme = useConsole((state) => state.theme)
  const setTheme = useConsole((state) => state.setTheme)
  return (
    <section className="panel" aria-labelledby="theme-title">
      <h2 id="theme-title">Appearance</h2>
      <fieldset className="field theme-field">
        <legend>Theme</legend>
        {(['system', 'light', 'dark'] as Theme[]).map((value) => (
          <label className="choice" key={value}>
            <input
              type="radio"
              name="theme"
              checked={theme === value}
              onChange={() => setTheme(value)}
            />
            {LABEL[value]}
          </label>
        ))}
      </fieldset>
    </section>
  )
}
