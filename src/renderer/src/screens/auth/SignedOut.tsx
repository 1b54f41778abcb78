// The console before anyone is signed in: the brand and the connection state on top, then
// the first-launch setup, the sign-in form, or the connection settings (which must be
// reachable before sign-in: a console that cannot reach Redis has nobody to sign in as).
import { useId, useState } from 'react'
import { ConnectionBadge } from '../../components/ConnectionBadge'
import { useConsole } from '../../context'
import { RedisSettingsForm } from '../settings/RedisSettingsForm'
import { ConnectionNote } from './ConnectionNote'
import { SetupScreen } from './SetupScreen'
import { SignInScreen } from './SignInScreen'

function Checking(props: { onSettings: () => void }) {
  const ids = useId()
  return (
    <main className="screen screen--narrow auth" aria-labelledby={`${ids}-title`}>
      <section className="panel form" aria-busy="true" data-testid="auth-checking">
        <h1 id={`${ids}-title`}>Auction Console</h1>
        <p className="muted">Checking this console’s sign-in…</p>
        <ConnectionNote onSettings={props.onSettings} />
      </section>
    </main>
  )
}

function ConnectionSettings(props: { onBack: () => void }) {
  return (
    <main className="screen auth auth--settings" aria-labelledby="auth-settings-title">
      <div className="toolbar">
        <h1 id="auth-settings-title" className="toolbar__title">
          Connection settings
        </h1>
        <div className="toolbar__spacer" />
        <button type="button" className="button" onClick={props.onBack}>
          Back to sign-in
        </button>
      </div>
      <RedisSettingsForm />
    </main>
  )
}

export function SignedOut() {
  const phase = useConsole((state) => state.authPhase)
  const [settings, setSettings] = useState(false)
  const openSettings = (): void => setSettings(true)
  let screen
  if (settings) screen = <ConnectionSettings onBack={() => setSettings(false)} />
  else if (phase === 'setup') screen = <SetupScreen onSettings={openSettings} />
  else if (phase === 'sign-in') screen = <SignInScreen onSettings={openSettings} />
  else screen = <Checking onSettings={openSettings} />
  return (
    <div className="app app--signed-out">
      <header className="topbar">
        <span className="topbar__brand">Auction Console</span>
        <div className="topbar__spacer" />
        <ConnectionBadge />
      </header>
      <div id="content" className="app__content" tabIndex={-1}>
        {screen}
      </div>
    </div>
  )
}
