import { Dialog } from './Dialog'

export function ConfirmDialog(props: {
  title: string
  message: string
  confirmLabel: string
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  return (
    <Dialog
      title={props.title}
      onClose={props.onCancel}
      tone={props.danger ? 'danger' : 'default'}
      testId="confirm"
    >
      <p className="dialog__body">{props.message}</p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={props.onCancel} data-autofocus>
          Keep as is
        </button>
        <button
          type="button"
          className={`button ${props.danger ? 'button--danger' : 'button--primary'}`}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
