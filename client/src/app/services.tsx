import { createContext, useContext, type ReactNode } from 'react';
import type { Api } from '../api/client';
import type { QueryHooks } from '../api/query';
import type { AuthSession } from './auth/session';

/** The long-lived objects the app is built from, created once in main.tsx. */
export interface Services {
  api: Api;
  authApi: Api;
  /** Typed query and mutation hooks over a client whose failures throw ApiError (src/api/query.ts). */
  query: QueryHooks;
  session: AuthSession;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() needs a <ServicesProvider> above it');
  return services;
}

export function useApi(): Api {
  return useServices().api;
}

export function useQueryApi(): QueryHooks {
  return useServices().query;
}
