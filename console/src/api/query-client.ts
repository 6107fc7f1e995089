import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './problem.ts';

/**
 * The console's one query cache, in memory only (never persisted: answers may hold personal
 * data). A module of its own so that route loaders can start a page's requests on navigation.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});
