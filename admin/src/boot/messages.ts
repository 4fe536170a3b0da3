import { zhMessages } from '../i18n/zh';

export type Locale = 'zh' | 'en';
type Pack = object;

/** The language react-admin keeps in its store (localStorageStore: `RaStore.locale`, JSON). */
const LOCALE_KEY = 'RaStore.locale';

export function storedLocale(): Locale {
  try {
    return JSON.parse(localStorage.getItem(LOCALE_KEY) ?? '"zh"') === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function storeLocale(locale: Locale): void {
  localStorage.setItem(LOCALE_KEY, JSON.stringify(locale));
}

/** Chinese is in the sign-in bundle; English (it carries react-admin's own pack) loads on request. */
export async function messagesOf(locale: Locale): Promise<Pack> {
  return locale === 'en' ? (await import('../i18n/en')).enMessages : zhMessages;
}

/** The same packs as the app's i18nProvider, read by key (the sign-in texts take no arguments). */
export function translator(pack: Pack): (key: string) => string {
  return (key) => {
    const found = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), pack);
    return typeof found === 'string' ? found : key;
  };
}
