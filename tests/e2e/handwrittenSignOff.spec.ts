// 手写签批 on a phone: the office (孙悦) keeps a 通知 template, drafts from it and sends it to the 区长 (陈明) for 签发; he
// opens it on a 375×812 touch screen, chooses 手写签批, writes on the pad (drawn here with the mouse), undoes a slip,
// and signs off. The 办文单 shows his handwriting as a drawing, and the API returns the strokes with the opinion.
import { expect, test, type Browser, type Page } from './support/test.ts';
import { asBrowser, signInEnrolling, signInStaff, userId } from './support/tongban.ts';

const TITLE = '关于做好2026年度防汛值班工作的通知';
const OPENING = 30_000;

async function person(browser: Browser, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {});
  return context.newPage();
}

/** One stroke across the pad, from and to fractions of its box, in small steps as a hand would. */
async function stroke(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const box = (await page.getByTestId('opinion-ink-surface').boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(from));
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    const t = i / 12;
    await page.mouse.move(
      ...at([from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t + 0.08 * Math.sin(t * 6)]),
    );
  }
  await page.mouse.up();
}

test('the 区长 signs off by hand on a phone, and the 办文单 shows his handwriting', async ({ browser }) => {
  test.setTimeout(240_000);
  // 1. The office drafts a 通知 from its template (which passes the format check) and sends it for 签发.
  const drafter = await person(browser);
  await signInStaff(drafter, 'sunyue');
  const api = await asBrowser(drafter);
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  const template = await api.post('/api/official-documents/templates', {
    name: '区政府办通知（防汛值班）',
    kind: 'notice',
    issuerMark: '区政府办公室文件',
    mainRecipients: ['各街道办事处', '区政府各部门'],
    body: {
      type: 'doc',
      content: [
        paragraph('为切实做好防汛值班工作，经区政府同意，现就有关事项通知如下。'),
        paragraph('一、加强组织领导。各单位主要负责人要亲自部署。'),
        paragraph('二、严格值班值守。汛期实行24小时值班和领导带班制度。'),
      ],
    },
  });
  expect(template.status(), await template.text()).toBe(201);
  const { id: templateId } = (await template.json()) as { id: string };
  const created = await api.post('/api/official-documents', {
    title: TITLE,
    kind: 'notice',
    templateId,
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const chenming = await userId(drafter, 'chenming', '陈明');
  const submitted = await api.post(`/api/official-documents/${id}/submit`, {
    steps: [{ id: 'signoff', name: '签发', kind: 'single', opinion: 'signoff', handlers: [{ userId: chenming }] }],
  });
  expect(submitted.status(), await submitted.text()).toBe(200);

  // 2. 陈明 on his phone: 签发 → 手写签批, two strokes, a slip undone, then signed.
  const leader = await person(browser, { width: 375, height: 812 });
  await signInEnrolling(leader, 'chenming');
  await leader.goto(`/official-documents/${id}`);
  await expect(leader.getByTestId('official-doc-title')).toHaveText(TITLE, { timeout: OPENING });
  const signButton = leader.getByTestId('official-doc-panel').getByTestId('action-signOff');
  await signButton.scrollIntoViewIfNeeded();
  await signButton.click();
  const dialog = leader.getByRole('dialog');
  await dialog.getByTestId('opinion-by-hand').click();
  const surface = dialog.getByTestId('opinion-ink-surface');
  await expect(surface).toBeVisible();
  // Signing with nothing written asks for handwriting and sends nothing.
  await dialog.getByRole('button', { name: '签发', exact: true }).click();
  await expect(dialog.getByTestId('opinion-ink-required')).toBeVisible();
  await stroke(leader, [0.12, 0.35], [0.45, 0.4]);
  await stroke(leader, [0.2, 0.7], [0.85, 0.62]);
  await stroke(leader, [0.5, 0.2], [0.9, 0.9]);
  await expect(surface).toHaveAttribute('data-strokes', '3');
  await dialog.getByTestId('opinion-ink-undo').click();
  await expect(surface).toHaveAttribute('data-strokes', '2');
  await dialog.getByRole('button', { name: '签发', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(leader.getByTestId('official-doc-status')).toHaveText('已签发');

  // 3. The 办文单 draws the handwriting, for him and for the office.
  const sheet = leader.getByTestId('opinion-sheet');
  await expect(sheet.getByTestId('opinion-ink')).toBeVisible();
  await expect(sheet.getByTestId('opinion-ink').locator('path')).toHaveCount(2);
  await drafter.goto(`/official-documents/${id}`);
  await expect(drafter.getByTestId('opinion-sheet').getByTestId('opinion-ink').locator('path')).toHaveCount(2, {
    timeout: OPENING,
  });
  const detail = (await (await api.get(`/api/official-documents/${id}`)).json()) as {
    opinions: Array<{ kind: string; text: string; ink: { aspect: number; strokes: unknown[] } | null }>;
  };
  expect(detail.opinions.at(-1)).toMatchObject({ kind: 'signoff', text: '（手写签批）' });
  expect(detail.opinions.at(-1)!.ink!.strokes).toHaveLength(2);
});
