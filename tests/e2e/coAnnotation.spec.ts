// Co-annotation in two Chromium contexts (issue #5): the host 赵静 presents a three-page PDF and draws on page 2 with
// a stylus (trusted pen events with pressure, through the DevTools protocol); 张伟 follows her page and sees the
// stroke within a second, pressure included. Her private stroke never reaches his browser — checked on every frame
// his collab sockets received and in his Yjs documents, not only on screen. Her undo removes her stroke and leaves
// his. He browses away and jumps back. A whiteboard page is exported into the meeting's minutes as a PNG.
import { expect, test, type Browser, type BrowserContext, type CDPSession, type Page } from './support/test.ts';
import PDFDocument from 'pdfkit';
import { decodePoints } from '../../common/schema/inkModel.ts';
import { asBrowser, chooseOption, serverNow, signInStaff, userId } from './support/tongban.ts';

interface Person {
  page: Page;
  context: BrowserContext;
  cdp: CDPSession;
}

async function person(browser: Browser, username: string): Promise<Person> {
  // A tablet: touch as well as a stylus.
  const context = await browser.newContext({ hasTouch: true });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(`[${username}] ${m.type()}: ${m.text()}`);
  });
  await signInStaff(page, username);
  return { page, context, cdp: await context.newCDPSession(page) };
}

/** A real three-page PDF with text on each page. */
function threePagePdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 72 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    ['Winter work safety plan', 'Emergency supplies reserve', 'Duty roster and contacts'].forEach((heading, i) => {
      if (i > 0) doc.addPage();
      doc.fontSize(24).text(`${i + 1}. ${heading}`);
      doc
        .moveDown()
        .fontSize(12)
        .text('Every unit checks its heating, fire exits and duty phones before the first snow. '.repeat(6));
    });
    doc.end();
  });
}

/** 赵静 hosts an online meeting starting soon, with 张伟 at the table and herself taking the minutes. */
async function scheduleMeeting(host: Page): Promise<string> {
  const now = await serverNow(host.request);
  const api = await asBrowser(host);
  const zhaojing = await userId(host, 'zhaojing', '赵静');
  const res = await api.post('/api/meetings', {
    title: '冬季安全生产材料审议会',
    type: 'zhuanti',
    mode: 'online',
    hostId: zhaojing,
    minuteTakerId: zhaojing,
    startAt: new Date(now.getTime() + 10 * 60_000).toISOString(),
    endAt: new Date(now.getTime() + 100 * 60_000).toISOString(),
    participants: { users: [{ userId: await userId(host, 'zhangwei', '张伟'), role: 'attendee' }], units: [] },
    acceptClashes: true,
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function uploadPdf(host: Page, meetingId: string): Promise<string> {
  const { csrfToken } = (await (await host.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const res = await host.request.post(`/api/meetings/${meetingId}/materials`, {
    headers: { 'x-csrf-token': csrfToken },
    multipart: {
      file: { name: '冬季安全生产工作方案.pdf', mimeType: 'application/pdf', buffer: await threePagePdf() },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Where a point given as fractions of the page lies on screen. */
async function onPage(page: Page, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('page').boundingBox();
  if (!box) throw new Error('no page on screen');
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/**
 * Draws a stylus stroke across the page with the given pressures (one point each), as trusted pen events: Chromium
 * turns DevTools mouse events with pointerType "pen" into pointer events of type pen whose pressure is `force`.
 * Returns the time just before the stylus lifted (the moment the stroke is stored).
 */
async function penStroke(
  p: Person,
  from: [number, number],
  to: [number, number],
  pressures: number[],
): Promise<number> {
  const points = await Promise.all(
    pressures.map((_, i) => {
      const t = i / (pressures.length - 1);
      return onPage(
        p.page,
        from[0] + (to[0] - from[0]) * t,
        from[1] + (to[1] - from[1]) * t + Math.sin(t * Math.PI) * 0.03,
      );
    }),
  );
  const pen = { pointerType: 'pen' as const, button: 'left' as const };
  await p.cdp.send('Input.dispatchMouseEvent', {
    type: 'mousePressed',
    ...points[0]!,
    ...pen,
    buttons: 1,
    clickCount: 1,
    force: pressures[0],
  });
  for (let i = 1; i < points.length; i++)
    await p.cdp.send('Input.dispatchMouseEvent', {
      type: 'mouseMoved',
      ...points[i]!,
      ...pen,
      buttons: 1,
      force: pressures[i],
    });
  const liftedAt = await p.page.evaluate(() => Date.now());
  await p.cdp.send('Input.dispatchMouseEvent', {
    type: 'mouseReleased',
    ...points[points.length - 1]!,
    ...pen,
    buttons: 0,
    clickCount: 1,
    force: 0,
  });
  return liftedAt;
}

type TouchPoint = { x: number; y: number; id: number; radiusX: number; radiusY: number };
const finger = (id: number, at: { x: number; y: number }): TouchPoint => ({ ...at, id, radiusX: 8, radiusY: 8 });

/** One finger dragged across the page (trusted touch events). */
async function touchDrag(p: Person, from: [number, number], to: [number, number]): Promise<void> {
  const steps = 6;
  const at = await Promise.all(
    Array.from({ length: steps + 1 }, (_, i) =>
      onPage(p.page, from[0] + ((to[0] - from[0]) * i) / steps, from[1] + ((to[1] - from[1]) * i) / steps),
    ),
  );
  await p.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [finger(1, at[0]!)] });
  for (const point of at.slice(1))
    await p.cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [finger(1, point)] });
  await p.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** Two fingers spreading apart around a point of the page, from `fromGap` to `toGap` pixels. */
async function pinch(p: Person, fx: number, fy: number, fromGap: number, toGap: number): Promise<void> {
  const centre = await onPage(p.page, fx, fy);
  const pair = (gap: number) => [
    finger(1, { x: centre.x - gap / 2, y: centre.y }),
    finger(2, { x: centre.x + gap / 2, y: centre.y }),
  ];
  await p.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pair(fromGap) });
  for (let i = 1; i <= 8; i++)
    await p.cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: pair(fromGap + ((toGap - fromGap) * i) / 8),
    });
  await p.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const strokes = (page: Page, layer?: 'shared' | 'private') =>
  page.locator(`[data-testid="ink-layer"] path[data-stroke-id]${layer ? `[data-layer="${layer}"]` : ''}`);

/** The id of the one stroke `page` shows that is not among `known`. */
async function newStrokeId(page: Page, known: string[], layer: 'shared' | 'private'): Promise<string> {
  await expect(strokes(page, layer)).toHaveCount(known.length + 1);
  const ids = await strokes(page, layer).evaluateAll((paths) =>
    paths.map((p) => p.getAttribute('data-stroke-id') ?? ''),
  );
  const id = ids.find((i) => !known.includes(i));
  if (!id) throw new Error('no new stroke');
  return id;
}

type HeldStroke = { id: string; page: string; tool: string; author: string; points: string; documentName: string };
const heldStrokes = (page: Page) => page.evaluate(() => (window.tongbanInk?.strokes() ?? []) as HeldStroke[]);

test('co-annotation: a pressure stroke on page 2 reaches the follower, private ink stays private, undo is per person, the whiteboard goes into the minutes', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const a = await person(browser, 'zhaojing');
  const b = await person(browser, 'zhangwei');

  // Everything 张伟's browser receives over its collab sockets, from the first frame.
  const received: Buffer[] = [];
  b.page.on('websocket', (ws) => {
    if (!ws.url().includes('/collab')) return;
    ws.on('framereceived', ({ payload }) =>
      received.push(typeof payload === 'string' ? Buffer.from(payload) : payload),
    );
  });
  // When each stroke first appears on his screen (Date.now, the same clock as hers: one machine).
  await b.page.addInitScript(() => {
    const seen: Record<string, number> = {};
    Object.assign(window, { __strokeSeen: seen });
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.addedNodes) {
          if (node instanceof Element && node.matches('path[data-stroke-id]'))
            seen[node.getAttribute('data-stroke-id')!] ??= Date.now();
        }
      }
    }).observe(document, { subtree: true, childList: true });
  });

  const meetingId = await scheduleMeeting(a.page);
  const materialId = await uploadPdf(a.page, meetingId);
  const url = `/meetings/${meetingId}/annotate?material=${materialId}`;
  for (const p of [a, b]) {
    await p.page.goto(url);
    await expect(p.page.getByTestId('material-view')).toHaveAttribute('data-pages', '3');
    await expect(p.page.getByTestId('page')).toBeVisible();
  }

  // She presents; he follows her to page 2.
  await a.page.getByTestId('present').click();
  await expect(a.page.getByTestId('presenting')).toBeVisible();
  await expect(b.page.getByTestId('following')).toContainText('赵静');
  await a.page.getByTestId('next-page').click();
  await expect(a.page.getByTestId('material-view')).toHaveAttribute('data-page', '2');
  await expect(b.page.getByTestId('material-view')).toHaveAttribute('data-page', '2');

  // 1. A shared stroke with rising pressure: on his screen within a second, with its pressure.
  const pressures = [0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1, 0.95, 0.8, 0.6];
  const liftedAt = await penStroke(a, [0.2, 0.3], [0.7, 0.35], pressures);
  const s1 = await newStrokeId(a.page, [], 'shared');
  await expect(b.page.locator(`path[data-stroke-id="${s1}"]`)).toHaveCount(1);
  const seenAt = await b.page.evaluate(
    (id) => (window as unknown as { __strokeSeen: Record<string, number> }).__strokeSeen[id]!,
    s1,
  );
  if (process.env.TONGBAN_E2E_TIMINGS) console.log(`${seenAt - liftedAt} ms: stroke from her pen-up to his screen`);
  expect(seenAt - liftedAt, 'stroke propagation from her pen-up to his screen, ms').toBeLessThan(1000);
  const held = (await heldStrokes(b.page)).find((s) => s.id === s1)!;
  expect(held).toMatchObject({ page: '2', tool: 'pen', author: await userId(a.page, 'zhaojing', '赵静') });
  const stored = Array.from(decodePoints(held.points)!).filter((_, i) => i % 3 === 2);
  expect(Math.min(...stored)).toBeLessThan(0.35);
  expect(Math.max(...stored)).toBeGreaterThan(0.85);

  // 2. A private stroke: on her screen, acknowledged by the server.
  await a.page.getByTestId('layer-private').click();
  await penStroke(a, [0.2, 0.6], [0.6, 0.65], [0.5, 0.6, 0.7, 0.6, 0.5]);
  const p1 = await newStrokeId(a.page, [], 'private');
  await expect.poll(() => a.page.evaluate(() => window.tongbanInk?.pending() ?? -1)).toBe(0);

  // 3. He draws a stroke of his own; she sees it.
  await penStroke(b, [0.3, 0.8], [0.6, 0.8], [0.4, 0.5, 0.6, 0.5]);
  const b1 = await newStrokeId(b.page, [s1], 'shared');
  await expect(a.page.locator(`path[data-stroke-id="${b1}"]`)).toHaveCount(1);

  // 4. She draws another shared stroke, then undoes: only that stroke goes, everywhere.
  await a.page.getByTestId('layer-shared').click();
  await penStroke(a, [0.2, 0.45], [0.5, 0.5], [0.5, 0.7, 0.9, 0.7]);
  const s2 = await newStrokeId(a.page, [s1, b1], 'shared');
  await expect(b.page.locator(`path[data-stroke-id="${s2}"]`)).toHaveCount(1);
  await a.page.getByTestId('undo').click();
  for (const p of [a, b]) {
    await expect(p.page.locator(`path[data-stroke-id="${s2}"]`)).toHaveCount(0);
    await expect(p.page.locator(`path[data-stroke-id="${s1}"]`)).toHaveCount(1);
    await expect(p.page.locator(`path[data-stroke-id="${b1}"]`)).toHaveCount(1);
  }
  await expect(a.page.locator(`path[data-stroke-id="${p1}"]`)).toHaveCount(1);

  // Her private stroke never reached him: not in any frame his collab sockets received (the stroke that followed it
  // and her undo did arrive), not in his documents, not on his screen.
  expect(received.length).toBeGreaterThan(0);
  expect(
    received.some((frame) => frame.includes(Buffer.from(s2))),
    'frames carry stroke ids',
  ).toBe(true);
  expect(
    received.some((frame) => frame.includes(Buffer.from(p1))),
    'the private stroke id in a frame he received',
  ).toBe(false);
  const his = await heldStrokes(b.page);
  expect(his.map((s) => s.id)).toContain(s1);
  expect(his.map((s) => s.id)).not.toContain(p1);
  await expect(b.page.locator(`path[data-stroke-id="${p1}"]`)).toHaveCount(0);

  // 5. He follows her to page 3, browses back to page 2 on his own, and jumps back to her.
  await a.page.getByTestId('next-page').click();
  await expect(b.page.getByTestId('material-view')).toHaveAttribute('data-page', '3');
  await b.page.getByTestId('previous-page').click();
  await expect(b.page.getByTestId('material-view')).toHaveAttribute('data-page', '2');
  await expect(b.page.getByTestId('browsing')).toBeVisible();
  await a.page.getByTestId('previous-page').click();
  await a.page.getByTestId('previous-page').click();
  await expect(a.page.getByTestId('material-view')).toHaveAttribute('data-page', '1');
  await expect(b.page.getByTestId('material-view')).toHaveAttribute('data-page', '2');
  await b.page.getByTestId('jump-back').click();
  await expect(b.page.getByTestId('material-view')).toHaveAttribute('data-page', '1');
  await expect(b.page.getByTestId('following')).toBeVisible();

  // Her laser pointer (the stylus hovering) shows on his page.
  await a.page.getByTestId('tool-laser').click();
  const hover = await onPage(a.page, 0.4, 0.25);
  await a.cdp.send('Input.dispatchMouseEvent', {
    type: 'mouseMoved',
    ...hover,
    pointerType: 'pen',
    button: 'none',
    buttons: 0,
  });
  await expect(b.page.getByTestId('laser')).toBeVisible();
  await a.page.getByTestId('tool-pen').click();

  // His stylus has been seen, so his fingers move the page instead of drawing (palm rejection): a finger drag adds no
  // stroke, a pinch zooms in, and moving the page himself stops following until he jumps back.
  const before = await strokes(b.page).count();
  await touchDrag(b, [0.3, 0.3], [0.6, 0.5]);
  await pinch(b, 0.5, 0.5, 60, 220);
  await expect(b.page.getByTestId('browsing')).toBeVisible();
  expect(Number(await b.page.getByTestId('page-stage').getAttribute('data-zoom'))).toBeGreaterThan(1.5);
  expect(await strokes(b.page).count()).toBe(before);
  await b.page.getByTestId('jump-back').click();
  await expect(b.page.getByTestId('page-stage')).toHaveAttribute('data-zoom', '1.00');

  // 6. She draws on the whiteboard (he follows her there), the minutes are opened, and she attaches the page to them
  // as a PNG.
  await a.page.getByTestId('surface-picker').click();
  await chooseOption(a.page, '电子白板');
  await expect(a.page.getByTestId('whiteboard-view')).toHaveAttribute('data-pages', '1');
  await expect(b.page.getByTestId('whiteboard-view')).toBeVisible();
  await penStroke(a, [0.2, 0.5], [0.8, 0.5], [0.3, 0.6, 0.9, 0.6, 0.3]);
  const w1 = await newStrokeId(a.page, [], 'shared');
  await expect(b.page.locator(`path[data-stroke-id="${w1}"]`)).toHaveCount(1);
  const minutes = await (await asBrowser(a.page)).post(`/api/meetings/${meetingId}/minutes`, {});
  expect(minutes.ok(), await minutes.text()).toBe(true);
  await a.page.getByTestId('export').click();
  const [attached] = await Promise.all([
    a.page.waitForResponse(
      (r) => r.url().includes(`/api/meetings/${meetingId}/minutes/attachments`) && r.request().method() === 'POST',
    ),
    a.page.getByTestId('export-to-minutes').click(),
  ]);
  expect(attached.status(), await attached.text()).toBe(201);
  expect(attached.request().headers()['content-type']).toBe('image/png');
  await expect(a.page.getByText('已附加到会议纪要')).toBeVisible();
  const { url: imageUrl, minutesDocumentId } = (await attached.json()) as { url: string; minutesDocumentId: string };
  expect(minutesDocumentId).toBe(((await minutes.json()) as { documentId: string }).documentId);
  const image = await a.page.request.get(imageUrl);
  expect(image.headers()['content-type']).toBe('image/png');
  expect((await image.body()).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  await a.context.close();
  await b.context.close();
});
