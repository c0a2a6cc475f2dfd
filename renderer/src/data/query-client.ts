// The renderer's cache of service answers (TanStack Query). Keys are [domain, method, input], so
// a mutation invalidates what it changed by domain ("analysis", "views", …), and opening another
// workspace clears everything. No retries: the services are local, a failure is an answer.

import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { noteError } from './service-status';

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: noteError }),
  mutationCache: new MutationCache({ onError: noteError }),
  defaultOptions: {
    queries: { retry: false, staleTime: 60_000, refetchOnWindowFocus: false, refetchOnReconnect: false },
    mutations: { retry: false },
  },
});
