// A render error shows a plain message and a way back instead of a blank window.
import { Component, type ErrorInfo, type ReactNode } from 'react'

interface State {
  error: Error | null
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('auction console: a screen failed', error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children
    return (
      <main className="screen screen--narrow" role="alert">
        <div className="panel form">
          <h1>Something went wrong on this screen</h1>
          <p className="muted">{this.state.error.message}</p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => this.setState({ error: null })}
            >
              Try again
            </button>
          </div>
        </div>
      </main>
    )
  }
}
