import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi, createAuthApi, refreshExchange } from './api/client';
import { createQueryHooks } from './api/query';
import { App } from './app/App';
import { readStoredLocale } from './app/i18n';
import { AuthSession } from './app/auth/session';

const apiOptions = { locale: () => readStoredLocale() };
const authApi = createAuthApi(apiOptions);
const session = new AuthSession({ exchange: refreshExchange(authApi), storage: sessionStorage });
const api = createApi(apiOptions, session);
const query = createQueryHooks(createApi(apiOptions, session, { throwOnFailure: true }));
document.documentElement.lang = readStoredLocale();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App services={{ api, authApi, session, query }} />
  </StrictMode>,
);
