import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ApiError } from '../api/problem';
import { useA11yText } from './a11y/messages';
import { AuthProvider } from './auth/AuthProvider';
import { LoginPage, loadWorkspace } from './auth/LoginPage';
import { I18nProvider, readStoredLocale, shellDictionaries } from './i18n';
import { ServicesProvider, type Services } from './services';
import { todosKey } from './workbench/useTodos';

// Everything behind the sign-in page (Ant Design, the features and their messages, the pages) is a separate download.
const Workspace = lazy(loadWorkspace);

function makeQueryClient() {
  const client: QueryClient = new QueryClient({
    // Any change may settle or create a to-do: the workbench and the navigation badges ask again.
    mutationCache: new MutationCache({ onSettled: () => client.invalidateQueries({ queryKey: todosKey }) }),
    defaultOptions: {
      queries: {
        // A 4xx answer will not change by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

function Loading() {
  const text = useA11yText();
  return (
    <div role="status" style={{ display: 'grid', placeItems: 'center', minHeight: '100vh', fontSize: 16 }}>
      {text.loading}
    </div>
  );
}

export function App({ services }: { services: Services }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <ServicesProvider services={services}>
      <QueryClientProvider client={queryClient}>
        {/* The sign-in page needs only the shell's messages; the workspace adds every feature's (FeatureDictionaries). */}
        <I18nProvider initial={readStoredLocale()} dictionaries={shellDictionaries}>
          <BrowserRouter>
            <AuthProvider>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  path="*"
                  element={
                    <Suspense fallback={<Loading />}>
                      <Workspace />
                    </Suspense>
                  }
                />
              </Routes>
            </AuthProvider>
          </BrowserRouter>
        </I18nProvider>
      </QueryClientProvider>
    </ServicesProvider>
  );
}
