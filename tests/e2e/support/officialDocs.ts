// A 公文 prepared through the API, as the 分发, 收文 and search specs need one (the 办文 spec walks the same path in the
// browser): 孙悦 drafts a 通知 from a template of the office (赵静), 陈明 signs it off, the office numbers it and, when
// a seal is named, 孙悦 seals it with a new seal of the office she holds.
import type { Page } from '@playwright/test';
import { expect } from './test.ts';
import { asBrowser, userId } from './tongban.ts';

export interface NoticeSpec {
  title: string;
  /** The 正文, a paragraph per line. */
  body: string[];
  /** The 主送 units, as the template and the 公文 name them. */
  mainRecipients: string[];
  /** The template's name (each run of a spec makes its own). */
  templateName: string;
  /** A seal to register for the office and seal with; without it the 公文 stays numbered, unsealed. */
  sealName?: string;
  /** 'submitted': stop once it waits for 陈明's 签发 (no sign-off, no number). */
  until?: 'submitted';
}

/** The people who prepare it, each signed in in their own browser context. */
export interface Preparers {
  office: Page;
  drafter: Page;
  mayor: Page;
}

/** The id of a signed-off, numbered (and, with a seal name, sealed) 通知; or of one waiting for 签发 (`until`). */
export async function preparedNotice({ office, drafter, mayor }: Preparers, spec: NoticeSpec): Promise<string> {
  const officeApi = await asBrowser(office);
  const drafterApi = await asBrowser(drafter);
  const mayorApi = await asBrowser(mayor);
  let sealId: string | null = null;
  if (spec.sealName) {
    const session = (await (await officeApi.get('/api/auth/session')).json()) as { user: { unitId: string } };
    const seal = await officeApi.post('/api/seals', {
      unitId: session.user.unitId,
      name: spec.sealName,
      holderIds: [await userId(office, 'sunyue', '孙悦')],
    });
    expect(seal.status(), await seal.text()).toBe(201);
    sealId = ((await seal.json()) as { id: string }).id;
  }
  const template = await officeApi.post('/api/official-documents/templates', {
    name: spec.templateName,
    kind: 'notice',
    issuerMark: '区政府办公室文件',
    mainRecipients: spec.mainRecipients,
    ccRecipients: [],
    body: { type: 'doc', content: spec.body.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
  });
  expect(template.status(), await template.text()).toBe(201);
  const templateId = ((await template.json()) as { id: string }).id;
  const created = await drafterApi.post('/api/official-documents', {
    templateId,
    title: spec.title,
    kind: 'notice',
    urgency: 'none',
    mainRecipients: spec.mainRecipients,
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const chenming = await userId(office, 'chenming', '陈明');
  const submitted = await drafterApi.post(`/api/official-documents/${id}/submit`, {
    steps: [{ id: 'signoff', name: '签发', kind: 'single', opinion: 'signoff', handlers: [{ userId: chenming }] }],
  });
  expect(submitted.status(), await submitted.text()).toBe(200);
  if (spec.until === 'submitted') return id;
  expect((await mayorApi.post(`/api/official-documents/${id}/sign-off`, { opinion: '同意印发' })).status()).toBe(200);
  expect((await officeApi.post(`/api/official-documents/${id}/number`, {})).status()).toBe(200);
  if (sealId) expect((await drafterApi.post(`/api/official-documents/${id}/seal`, { sealId })).status()).toBe(200);
  return id;
}
