import { QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '../shared/contracts/auth';
import { api, ApiError, setCsrfToken } from './api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change on retry; a network hiccup might.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** The signed-in account, or null when nobody is signed in. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api.get<Me>('/api/auth/me');
      setCsrfToken(me.csrfToken);
      return me;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw e;
    }
  },
  staleTime: Infinity,
});

/** Records a fresh session (after login or a password change). */
export function rememberMe(me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQuery.queryKey, me);
}

/** Forgets the session and every cached answer that belonged to it. */
export function forgetMe(): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
  queryClient.setQueryData(meQuery.queryKey, null);
}

/** Inside /admin the route guard has already loaded Me, so it is there. */
export function useMe(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useMe() outside a signed-in route');
  return data;
}
