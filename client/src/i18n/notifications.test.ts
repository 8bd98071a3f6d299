// Every kind of the notification catalogue has a zh-CN and an English title and body in the client's resources, and
// the two use exactly the kind's parameters: no parameter left unsaid, no placeholder without a value.
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, paramsOf } from '../../../common/notifications/catalogue.ts';
import { placeholders, templatesOf } from '../../../common/notifications/format.ts';
import type { NotificationMessages } from '../../../common/notifications/messages.zh-CN.ts';
import en from './en.ts';
import zhCN from './zh-CN.ts';

const RESOURCES: Record<string, NotificationMessages> = { 'zh-CN': zhCN.notifications, en: en.notifications };
const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

describe.each(Object.entries(RESOURCES))('notification templates in %s', (_, messages) => {
  it.each(NOTIFICATION_KINDS)('%s uses exactly its parameters', (kind) => {
    const templates = templatesOf(messages, kind);
    expect(templates, `no template for ${kind}`).toBeDefined();
    expect(typeof templates.title).toBe('string');
    expect(typeof templates.body).toBe('string');
    expect(templates.title.trim()).not.toBe('');
    expect(sorted([...placeholders(templates.title), ...placeholders(templates.body)])).toEqual(
      sorted(paramsOf(kind).map(([name]) => name)),
    );
  });

  it('has no template for a kind the catalogue does not have', () => {
    const templated = Object.entries(messages.kinds).flatMap(([area, kinds]) =>
      Object.keys(kinds).map((name) => `${area}.${name}`),
    );
    expect(sorted(templated)).toEqual(sorted(NOTIFICATION_KINDS));
  });
});

describe('notification phrases', () => {
  it('have the same placeholders in zh-CN and English', () => {
    const zhParts = zhCN.notifications.parts as Record<string, string>;
    const enParts = en.notifications.parts as Record<string, string>;
    expect(Object.keys(enParts).sort()).toEqual(Object.keys(zhParts).sort());
    for (const key of Object.keys(zhParts))
      expect(sorted(placeholders(enParts[key]!)), key).toEqual(sorted(placeholders(zhParts[key]!)));
  });

  it('name no parameter as i18next options', () => {
    // A parameter called count, context or the like would change which template i18next picks, not just fill it.
    const reserved = [
      'count',
      'context',
      'ordinal',
      'defaultValue',
      'lng',
      'lngs',
      'ns',
      'replace',
      'returnObjects',
      'interpolation',
    ];
    for (const kind of NOTIFICATION_KINDS)
      for (const [name] of paramsOf(kind)) expect(reserved, `${kind}.${name}`).not.toContain(name);
  });

  it('give every task notice the task title (notifyAbout adds it)', () => {
    for (const kind of NOTIFICATION_KINDS.filter((k) => k.startsWith('supervision.')))
      expect(Object.fromEntries(paramsOf(kind))['task'], kind).toBe('title');
  });
});
