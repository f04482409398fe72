import { useId, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger';

export function Button({ variant = 'primary', small, busy, className, children, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; small?: boolean; busy?: boolean }) {
  const classes = ['btn', variant === 'primary' ? '' : variant, small ? 'small' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button type="button" className={classes} aria-busy={busy || undefined} disabled={busy || rest.disabled} {...rest}>
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

/** Label, hint and error wired to the control with ids, so screen readers announce all three. */
function Field({ id, label, hint, error, children }: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <span id={`${id}-hint`} className="hint">{hint}</span> : null}
      {error ? <span id={`${id}-error`} className="error" role="alert">{error}</span> : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField({ label, hint, error, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Field id={input.id ?? id} label={label} hint={hint} error={error}>
      <input id={input.id ?? id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(input.id ?? id, hint, error)} {...input} />
    </Field>
  );
}

export function TextAreaField({ label, hint, error, ...area }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Field id={area.id ?? id} label={label} hint={hint} error={error}>
      <textarea id={area.id ?? id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(area.id ?? id, hint, error)} {...area} />
    </Field>
  );
}

export function SelectField({ label, hint, error, options, ...select }: FieldFrame & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const id = useId();
  return (
    <Field id={select.id ?? id} label={label} hint={hint} error={error}>
      <select id={select.id ?? id} aria-describedby={describedBy(select.id ?? id, hint, error)} {...select}>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </Field>
  );
}

export function CheckboxField({ label, ...input }: { label: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="choice">
      <input type="checkbox" id={input.id ?? id} {...input} />
      <label htmlFor={input.id ?? id}>{label}</label>
    </div>
  );
}
