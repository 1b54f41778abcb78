// @vitest-environment jsdom
// Connected with a Redis user that lacks a permission the console needs: the banner says so
// and names the permission (the connection state's REDIS_NO_PERMISSION problem).
import { act, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionStatus } from '../../src/shared/contract'
import { ConnectionBanner } from '../../src/renderer/src/components/ConnectionBanner'
import { stopConsoles, testConsole } from './support/console'

afterEach(() => stopConsoles())

const MESSAGE =
  'The Redis user cannot PUBLISH on sale:{*}:events channels (every sale event; ACL &sale:{*}:events).'

describe('permission banner', () => {
  it('names the missing permission while live, and goes when it is granted', () => {
    const console = testConsole()
    console.show(<ConnectionBanner />)
    expect(screen.queryByTestId('permission-banner')).toBeNull()
    const missing: ConnectionStatus = {
      state: 'live',
      endpoint: 'redis://127.0.0.1:6391',
      embedded: false,
      problem: { code: 'REDIS_NO_PERMISSION', message: MESSAGE },
    }
    act(() => console.api.push('connection:state', missing))
    expect(screen.getByTestId('permission-detail').textContent).toBe(MESSAGE)
    expect(screen.queryByTestId('offline-banner')).toBeNull()
    act(() =>
      console.api.push('connection:state', {
        state: 'live',
        endpoint: missing.endpoint,
        embedded: false,
      }),
    )
    expect(screen.queryByTestId('permission-banner')).toBeNull()
  })
})
