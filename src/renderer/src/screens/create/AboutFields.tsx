// What is being created: for staff the consignor it is for, then its title and description.
import { Field } from '../../components/Field'
import { TextField } from '../../components/TextField'
import type { FormErrors } from '../../lib/formChecks'

interface About {
  consignor: string
  title: string
  description: string
}

export function AboutFields(props: {
  draft: About
  errors: FormErrors
  update: (patch: Partial<About>) => void
  /** Staff name the consignor. */
  staff: boolean
  words: { consignorHint: string; title: string; description: string }
  descriptionRows: number
}) {
  const { draft, errors, update, words } = props
  return (
    <>
      {props.staff ? (
        <TextField
          label="Consignor (seller id)"
          value={draft.consignor}
          error={errors.consignor}
          maxLength={64}
          hint={words.consignorHint}
          onChange={(value) => update({ consignor: value })}
        />
      ) : null}
      <TextField
        label={words.title}
        value={draft.title}
        error={errors.title}
        maxLength={200}
        onChange={(value) => update({ title: value })}
      />
      <Field label={words.description} error={errors.description}>
        {(p) => (
          <textarea
            {...p}
            rows={props.descriptionRows}
            value={draft.description}
            onChange={(e) => update({ description: e.target.value })}
          />
        )}
      </Field>
    </>
  )
}
