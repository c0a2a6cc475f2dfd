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
  /** keepPrevious: data is the previous input's answer, shown while this one's is on its way */
  previous: boolean;
}

export function apiKey(channel: Channel, input?: unknown): unknown[] {
  const [domain, method] = channel.split('.');
  return input === undefined ? [domain, method] : [domain, method, input];
}

/** Asked again every POLL_MS while opts.pollWhile says the answer is still changing by itself. */
const POLL_MS = 1000;

export function useApi<C extends ReadChannel>(
  channel: C,
  input: Input<C>,
  opts: { enabled?: boolean; keepPrevious?: boolean; pollWhile?: (data: Result<C>) => boolean } = {},
): Loaded<Result<C>> {
  const { pollWhile } = opts;
  const q = useQuery({
    queryKey: apiKey(channel, input),
    queryFn: () => call(channel, input),
    enabled: opts.enabled ?? true,
    placeholderData: opts.keepPrevious ? keepPreviousData : undefined,
    refetchInterval: pollWhile ? (query) => (query.state.data !== undefined && pollWhile(query.state.data as Result<C>) ? POLL_MS : false) : undefined,
  });
  return { data: (q.data as Result<C> | undefined) ?? null, error: q.error ? errorText(q.error) : null, loading: q.isLoading, previous: q.isPlaceholderData };
}
