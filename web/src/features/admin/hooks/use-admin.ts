import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { ApiToken, AuditEntry, CreatedApiToken, NewApiToken, NewUser, User, UserChange } from '../admin-types';

const USERS = ['admin', 'users'] as const;
const TOKENS = ['admin', 'tokens'] as const;
const AUDIT = ['admin', 'audit'] as const;
const AUDIT_LIMIT = 200;

export function useUsers() {
  return useQuery({ queryKey: USERS, queryFn: async () => (await api.get<{ users: User[] }>('/users')).users });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => api.post<User>('/users', user),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: USERS }), client.invalidateQueries({ queryKey: AUDIT })]),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UserChange }) => api.patch<User>(`/users/${encodeURIComponent(id)}`, change),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: USERS }), client.invalidateQueries({ queryKey: AUDIT })]),
  });
}

export function useTokens() {
  return useQuery({
    queryKey: TOKENS,
    queryFn: async () => (await api.get<{ tokens: ApiToken[] }>('/tokens')).tokens,
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: NewApiToken) => api.post<CreatedApiToken>('/tokens', token),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: TOKENS }), client.invalidateQueries({ queryKey: AUDIT })]),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<ApiToken>(`/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: TOKENS }), client.invalidateQueries({ queryKey: AUDIT })]),
  });
}

/** Newest first (the api's order too; sorted here so the page never depends on it). */
export function useAudit() {
  return useQuery({
    queryKey: AUDIT,
    queryFn: async () => {
      const { entries } = await api.get<{ entries: AuditEntry[] }>('/audit', { limit: AUDIT_LIMIT });
      return [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    },
  });
}
