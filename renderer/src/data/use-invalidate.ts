// After a change made outside useAction (autosave, a child's own command): mark the cached answers
// of the given domains stale so every screen showing them reloads.

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Domain } from './use-api';

export function useInvalidate(): (domains: Domain[] | 'all') => void {
  const client = useQueryClient();
  return useCallback(
    (domains) => {
      if (domains === 'all') void client.invalidateQueries();
      else for (const d of domains) void client.invalidateQueries({ queryKey: [d] });
    },
    [client],
  );
}
