// Settings: the Redis connection dialog and the theme.
import { RedisSettingsForm } from './settings/RedisSettingsForm'
import { ThemeSettings } from './settings/ThemeSettings'

export function SettingsScreen() {
  return (
    <main className="screen settings" aria-labelledby="settings-title">
      <div className="toolbar">
        <h1 id="settings-title" className="toolbar__title">
          Settings
        </h1>
      </div>
      <div className="settings__body">
        <RedisSettingsForm />
        <ThemeSettings />
      </div>
    </main>
  )
}
