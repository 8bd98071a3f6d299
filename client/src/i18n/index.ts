// Sets up i18next (zh-CN first, English switchable) and keeps dayjs and the page language in step with it.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import en from './en.ts';
import zhCN from './zh-CN.ts';

dayjs.extend(relativeTime);

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// Before sign-in there is no saved preference on the server; the browser remembers the last choice.
const STORAGE_KEY = 'tongban.locale';

function initialLocale(): Locale {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return isLocale(stored) ? stored : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

function syncSurroundings(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
  document.title = i18n.t('app.fullName');
}
syncSurroundings(i18n.language as Locale);

/** Switches the interface language (i18next, dayjs, <html lang>) and remembers it in this browser. */
export async function applyLocale(locale: Locale): Promise<void> {
  window.localStorage.setItem(STORAGE_KEY, locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  syncSurroundings(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'zh-CN';
}

export default i18n;
