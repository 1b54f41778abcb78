// The Redis connection dialog: URL, ACL user, password (write-only), CA certificate,
// database; "Test connection" before "Save".
import { useEffect, useState, type FormEvent } from 'react'
import {
  redisSettingsSchema,
  type RedisProbe,
  type RedisSettings,
} from '../../../../shared/contract'
import { ConnectionBadge } from '../../components/ConnectionBadge'
import { Field } from '../../components/Field'
import { useApi, useConsole } from '../../context'
import { ProbeReport, probeSummary } from './ProbeReport'

interface Form {
  url: string
  username: string
  password: string
  caCertificate: string
  database: string
  durability: 'local' | 'replicated'
}

type Note = { tone: 'good' | 'bad' | 'info'; text: string }

function toSettings(
  form: Form,
): { settings: RedisSettings } | { errors: Partial<Record<keyof Form, string>> } {
  const database = /^\d+$/.test(form.database.trim()) ? Number(form.database.trim()) : NaN
  const parsed = redisSettingsSchema.safeParse({
    url: form.url.trim(),
    username: form.username.trim(),
    ...(form.password ? { password: form.password } : {}),
    caCertificate: form.caCertificate,
    database,
    durability: form.durability,
  })
  if (parsed.success) return { settings: parsed.data }
  const errors: Partial<Record<keyof Form, string>> = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof Form
    errors[key] ??=
      key === 'url'
        ? 'Leave empty for the built-in local Redis, or start with redis://, redis+sentinel:// or redis+cluster:// (rediss… for TLS)'
        : key === 'database'
          ? 'A database number from 0 to 15.'
          : issue.message
  }
  return { errors }
}

export function RedisSettingsForm() {
  const api = useApi()
  const connection = useConsole((state) => state.connection)
  const [form, setForm] = useState<Form>({
    url: '',
    username: '',
    password: '',
    caCertificate: '',
    database: '0',
    durability: 'local',
  })
  const [hasPassword, setHasPassword] = useState(false)
  const [overridden, setOverridden] = useState(false)
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({})
  const [note, setNote] = useState<Note | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let current = true
    void api
      .call('settings:get', {})
      .catch(() => null)
      .then((answer) => {
        if (!current || !answer?.ok) return
        const s = answer.settings
        setForm({
          url: s.url,
          username: s.username ?? '',
          password: '',
          caCertificate: s.caCertificate ?? '',
          database: String(s.database ?? 0),
          durability: s.durability,
        })
        setHasPassword(s.hasPassword)
        setOverridden(answer.overriddenBy === 'REDIS_URL')
      })
    return () => {
      current = false
    }
  }, [api])

  const [probe, setProbe] = useState<RedisProbe | null>(null)

  const set = (key: keyof Form, value: string): void =>
    setForm((previous) => ({ ...previous, [key]: value }))

  const run = async (action: 'test' | 'save'): Promise<void> => {
    const checked = toSettings(form)
    if ('errors' in checked) {
      setErrors(checked.errors)
      setNote(null)
      return
    }
    setErrors({})
    setBusy(true)
    setProbe(null)
    setNote({ tone: 'info', text: action === 'test' ? 'Testing…' : 'Saving…' })
    if (action === 'test') {
      const answer = await api.call('settings:test', checked.settings).catch(() => null)
      if (answer?.ok) setProbe(answer)
      if (answer && !answer.ok && answer.error.field === 'url') {
        setErrors({ url: answer.error.message })
      }
      setNote(
        answer?.ok
          ? {
              tone: 'good',
              text: probeSummary(answer),
            }
          : { tone: 'bad', text: `Connection failed: ${answer?.error.message ?? 'no answer'}` },
      )
    } else {
      const answer = await api.call('settings:save', checked.settings).catch(() => null)
      if (answer?.ok) {
        if (form.password) setHasPassword(true)
        set('password', '')
      }
      setNote(
        answer?.ok
          ? {
              tone: 'good',
              text: `Saved. Connection is ${answer.state} (${answer.embedded ? 'built-in Redis' : answer.endpoint}).`,
            }
          : { tone: 'bad', text: `Not saved: ${answer?.error.message ?? 'no answer'}` },
      )
    }
    setBusy(false)
  }

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    void run('save')
  }

  const onCaFile = (file: File | undefined): void => {
    if (!file) return
    void file.text().then((text) => set('caCertificate', text))
  }

  return (
    <section className="panel">
      <form
        className="form"
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="redis-title"
        data-testid="settings-form"
      >
        <div className="form__heading">
          <h2 id="redis-title">Redis connection</h2>
          <ConnectionBadge />
        </div>
        <p className="muted">
          Now:{' '}
          {connection.embedded ? 'built-in local Redis' : connection.endpoint || 'not connected'}
        </p>
        {overridden ? (
          <p className="notice" role="note">
            The REDIS_URL environment variable overrides these settings on this machine.
          </p>
        ) : null}
        {connection.problem ? (
          <p className="notice notice--bad" role="alert">
            {connection.problem.message}
            {connection.problem.installCommand ? (
              <>
                {' '}
                Install it with <code>{connection.problem.installCommand}</code>, or enter a Redis
                URL below.
              </>
            ) : null}
          </p>
        ) : null}
        <Field
          label="Redis URL"
          error={errors.url}
          hint="Empty: the built-in local Redis. One server redis://host:6379, a Sentinel group redis+sentinel://h1:26379,h2:26379/mymaster, a cluster redis+cluster://h1:6379,h2:6379; rediss… for TLS."
        >
          {(p) => (
            <input
              {...p}
              value={form.url}
              onChange={(e) => set('url', e.target.value)}
              spellCheck={false}
              placeholder="redis://127.0.0.1:6379"
            />
          )}
        </Field>
        <div className="form__row">
          <Field label="Username (ACL)" error={errors.username}>
            {(p) => (
              <input
                {...p}
                value={form.username}
                onChange={(e) => set('username', e.target.value)}
                autoComplete="off"
              />
            )}
          </Field>
          <Field
            label="Password"
            error={errors.password}
            hint={hasPassword ? 'A password is stored; leave empty to keep it.' : undefined}
          >
            {(p) => (
              <input
                {...p}
                type="password"
                value={form.password}
                onChange={(e) => set('password', e.target.value)}
                autoComplete="new-password"
                placeholder={hasPassword ? '••••••••' : ''}
              />
            )}
          </Field>
          <Field label="Database" error={errors.database} className="field--narrow">
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={form.database}
                onChange={(e) => set('database', e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field
          label="Durability"
          hint={
            form.durability === 'local'
              ? 'A change is acknowledged once the primary has it: fastest, but a failover can lose the last few.'
              : 'A change is acknowledged once a replica has it too (WAIT 1): a failover loses none; each change takes a little longer.'
          }
        >
          {(p) => (
            <select
              {...p}
              value={form.durability}
              onChange={(e) => set('durability', e.target.value)}
              data-testid="settings-durability"
            >
              <option value="local">Local (the default)</option>
              <option value="replicated">Replicated: wait for a replica</option>
            </select>
          )}
        </Field>
        <Field label="CA certificate (PEM, for rediss://)" error={errors.caCertificate}>
          {(p) => (
            <textarea
              {...p}
              rows={4}
              className="mono"
              value={form.caCertificate}
              onChange={(e) => set('caCertificate', e.target.value)}
              placeholder="-----BEGIN CERTIFICATE-----"
              spellCheck={false}
            />
          )}
        </Field>
        <div className="field">
          <label htmlFor="ca-file">Load certificate from a file</label>
          <input
            id="ca-file"
            type="file"
            accept=".pem,.crt,.cer,text/plain"
            onChange={(e) => onCaFile(e.target.files?.[0])}
          />
        </div>
        <p
          className={`settings__note ${note ? `outcome--${note.tone}` : ''}`}
          role="status"
          aria-live="polite"
          data-testid="settings-note"
        >
          {note?.text ?? ''}
        </p>
        {probe ? <ProbeReport probe={probe} /> : null}
        <div className="form__actions">
          <button type="button" className="button" disabled={busy} onClick={() => void run('test')}>
            Test connection
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </section>
  )
}
