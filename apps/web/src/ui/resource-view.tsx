import type { ReactNode } from 'react';
import type { ResourceHandle } from '../api/use-resource';
import { Loading, ProblemAlert } from './feedback';

/** Loading, error (with "Try again") and ready states of a resource, the same on every screen. */
export function ResourceView<T>({ resource, children, loadingLabel }: { resource: ResourceHandle<T>; children: (data: T) => ReactNode; loadingLabel?: string }) {
  const { state } = resource;
  if (state.status === 'loading') return <Loading {...(loadingLabel ? { label: loadingLabel } : {})} />;
  if (state.status === 'error') return <ProblemAlert error={state.error} onRetry={resource.reload} />;
  return <>{children(state.data)}</>;
}
