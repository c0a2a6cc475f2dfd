// Reading from the services: useApi("analysis.ranking", input) caches the answer under
// ["analysis", "ranking", input]. Returns data (null until loaded), error text and loading.

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Channel, Contract, Input, Result } from '../../../shared/ipc/contract';
import { call, errorText, type ErrorText } from '../api';

/** The channels that only read (the contract's mode), the only ones a query may call. */
export type ReadChannel = { [C in Channel]: Contract[C]['mode'] extends 'read' ? (Contract[C]['where'] extends 'worker' ? C : never) : never }[Channel];

export type Domain = Channel extends `${infer D}.${string}` ? D : never;

export interface Loaded<T> {
  data: T | null;
  error: ErrorText | null;
  loading: boolean;
}

export function apiKey(channel: Channel, input?: unknown): unknown[] {
  const [domain, method] = channel.split('.');
  return input === undefined ? [domain, method] : [domain, method, input];
}

export function useApi<C extends ReadChannel>(channel: C, input: Input<C>, opts: { enabled?: boolean; keepPrevious?: boolean } = {}): Loaded<Result<C>> {
  const q = useQuery({
    queryKey: apiKey(channel, input),
    queryFn: () => call(channel, input),
    enabled: opts.enabled ?? true,
    placeholderData: opts.keepPrevious ? keepPreviousData : undefined,
  });
  return { data: (q.data as Result<C> | undefined) ?? null, error: q.error ? errorText(q.error) : null, loading: q.isLoading };
}
