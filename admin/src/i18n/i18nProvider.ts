import polyglotI18nProvider from 'ra-i18n-polyglot';
import { enMessages } from './en';
import { zhMessages } from './zh';

/** zh-CN first; English on request. Both packs are complete, so a missing key is a bug. */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? enMessages : zhMessages),
  'zh',
  [
    { locale: 'zh', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
);
