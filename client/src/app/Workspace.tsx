import { App as AntApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { antdLocales } from './antdLocales';
import { features } from './features';
import { buildDictionaries, FeatureDictionaries, useLocale } from './i18n';
import { AppRoutes } from './routes';
import { themeFor } from './theme';
import './theme.css';

/** Every feature's messages merged with the shell's, built once when the workspace loads. */
const dictionaries = buildDictionaries(features);

const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/** The signed-in app: Ant Design with the accessible theme, every feature and page. Loaded after the sign-in page. */
export default function Workspace() {
  const [locale] = useLocale();
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  return (
    <FeatureDictionaries dictionaries={dictionaries}>
      <ConfigProvider locale={antdLocales[locale === 'zh-CN' ? 'zh-CN' : 'en-US']} theme={themeFor(reducedMotion)} button={{ autoInsertSpace: false }}>
        <AntApp>
          <AppRoutes />
        </AntApp>
      </ConfigProvider>
    </FeatureDictionaries>
  );
}
