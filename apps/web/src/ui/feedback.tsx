import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Problem } from '../api/problem';
import { Button } from './controls';

export function Alert({ tone, children }: { tone: 'error' | 'success' | 'warning' | 'info'; children: ReactNode }) {
  // Errors interrupt (role=alert); the other tones are announced politely.
  return <div className={`alert ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>{children}</div>;
}

/** A problem in plain words: what went wrong, and per field where the API says which. */
export function problemText(problem: Problem, t: (key: string) => string): string {
  if (problem.status === 0) return t('problem.network');
  const byStatus: Record<number, string> = { 401: t('problem.unauthorized'), 403: t('problem.forbidden'), 404: t('problem.notFound'), 409: t('problem.conflict'), 412: t('problem.stale'), 429: t('problem.tooMany') };
  const main = problem.detail ?? byStatus[problem.status] ?? problem.title;
  return problem.status >= 500 ? t('problem.server') : main;
}

/**
 * A failed call in plain words, with each field the API names. A screen that knows more about the problem
 * can say it instead (`message`), list further reasons first (`reasons`) and add its own action (`children`).
 */
export function ProblemAlert({ error, onRetry, message, reasons = [], children }: {
  error: ApiError | null | undefined;
  onRetry?: () => void;
  message?: string;
  reasons?: string[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  // Validation often names a field twice: each line once.
  const lines = [...new Set([...reasons, ...(error.problem.errors ?? []).map((item) => `${fieldName(item.pointer)}${item.detail}`)])];
  return (
    <Alert tone="error">
      <p style={{ margin: 0 }}>{message ?? problemText(error.problem, t)}</p>
      {lines.length > 0 ? <ul>{lines.map((line, index) => <li key={index}>{line}</li>)}</ul> : null}
      {onRetry ? <Button variant="secondary" small onClick={onRetry}>{t('action.retry')}</Button> : null}
      {children}
    </Alert>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('state.loading')}</span>
    </div>
  );
}

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return <div className="empty"><p>{children}</p>{action}</div>;
}

export function Badge({ tone, children }: { tone?: 'success' | 'warning' | 'danger'; children: ReactNode }) {
  return <span className={`badge ${tone ?? ''}`}>{children}</span>;
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <span style={{ width: `${percent}%` }} />
    </div>
  );
}

/** `/body/options/0/text` → "options 1 text: " — the field in words, positions counted from one. */
function fieldName(pointer: string | undefined): string {
  if (!pointer) return '';
  const parts = pointer.split('/').slice(2).filter(Boolean).map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part));
  return parts.length > 0 ? `${parts.join(' ')}: ` : '';
}
