import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { ApiError } from '../api/problem';
import { AuthProvider } from './auth/AuthProvider';
import { features } from './features';
import { buildDictionaries, I18nProvider, readStoredLocale, useLocale } from './i18n';
import { AppRoutes } from './routes';
import { ServicesProvider, type Services } from './services';
import { todosKey } from './workbench/useTodos';

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

const dictionaries = buildDictionaries(features);

function Localised() {
  const [locale] = useLocale();
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} button={{ autoInsertSpace: false }}>
      <AntApp>
        <AuthProvider>
          <AppRoutes />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App({ services }: { services: Services }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <ServicesProvider services={services}>
      <QueryClientProvider client={queryClient}>
        <I18nProvider initial={readStoredLocale()} dictionaries={dictionaries}>
          <BrowserRouter>
            <Localised />
          </BrowserRouter>
        </I18nProvider>
      </QueryClientProvider>
    </ServicesProvider>
  );
}
