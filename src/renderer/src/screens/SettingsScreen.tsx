// Settings: the Redis connection dialog, the theme and the sound cue.
import { RedisSettingsForm } from './settings/RedisSettingsForm'
import { SoundSettings } from './settings/SoundSettings'
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
        <div className="settings__side">
          <ThemeSettings />
          <SoundSettings />
        </div>
      </div>
    </main>
  )
}
