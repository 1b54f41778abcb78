// Settings: the Redis connection dialog, the theme and the sound cue; for staff also the
// operator accounts (Settings → Operators). The connection is staff's to change, and
// anyone's while the console is not live (the main side allows it then, and only then).
import { useId } from 'react'
import { ListTabs } from '../components/ListTabs'
import { useConsole } from '../context'
import type { SettingsSection } from '../store'
import { OperatorsSettings } from './settings/OperatorsSettings'
import { RedisSettingsForm } from './settings/RedisSettingsForm'
import { SoundSettings } from './settings/SoundSettings'
import { ThemeSettings } from './settings/ThemeSettings'

const SECTIONS: readonly { tab: SettingsSection; label: string }[] = [
  { tab: 'general', label: 'Connection and appearance' },
  { tab: 'operators', label: 'Operators' },
]

function General(props: { staff: boolean }) {
  const live = useConsole((state) => state.connection.state === 'live')
  return (
    <div className="settings__body">
      {props.staff || !live ? (
        <RedisSettingsForm />
      ) : (
        <section className="panel" aria-labelledby="redis-title">
          <h2 id="redis-title">Redis connection</h2>
          <p className="muted" data-testid="settings-staff-only">
            The connection settings are for staff.
          </p>
        </section>
      )}
      <div className="settings__side">
        <ThemeSettings />
        <SoundSettings />
      </div>
    </div>
  )
}

export function SettingsScreen(props: { section: SettingsSection }) {
  const staff = useConsole((state) => state.profile?.role === 'staff')
  const go = useConsole((state) => state.go)
  const ids = useId()
  const section = staff ? props.section : 'general'
  return (
    <main className="screen settings" aria-labelledby="settings-title">
      <div className="toolbar">
        <h1 id="settings-title" className="toolbar__title">
          Settings
        </h1>
        {staff ? (
          <ListTabs
            ids={ids}
            label="Settings"
            tabs={SECTIONS}
            current={section}
            select={(tab) =>
              go(
                tab === 'operators' ? { screen: 'settings', section: tab } : { screen: 'settings' },
              )
            }
          />
        ) : null}
      </div>
      <div
        id={`${ids}-panel`}
        role={staff ? 'tabpanel' : undefined}
        aria-labelledby={staff ? `${ids}-tab-${section}` : undefined}
      >
        {section === 'operators' ? <OperatorsSettings /> : <General staff={staff} />}
      </div>
    </main>
  )
}
