import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useLocale, useT } from '../i18n';

/** One button that flips between Chinese and English; its text names the language it switches to. */
export function LanguageSwitch() {
  const t = useT();
  const [locale, setLocale] = useLocale();
  return (
    <Button
      icon={<GlobalOutlined />}
      title={t('app.language.switchLabel')}
      onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('app.language.switch')}
    </Button>
  );
}
