// Types t() keys and interpolation against the zh-CN resources, so a missing or misspelt key fails type-checking.
import 'i18next';
import type zhCN from './zh-CN.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
