// The ink model of material annotation and whiteboard documents, shared by the collab server (validation), the browser
// (ink canvas, whiteboard) and the benchmark. Pure: Yjs in, plain values out, no I/O.
//
// Layout of a material/whiteboard Y.Doc:
//   strokes: Y.Map<strokeId, InkStroke>  one immutable plain value per stroke (erasing deletes the key)
//   notes:   Y.Map<noteId, InkNote>      sticky notes; only the text (and position) change, by replacing the value
//   pages:   Y.Array<WhiteboardPage>     whiteboard pages in order (material pages are the PDF's pages: '1', '2', …)
// A stroke is one plain value rather than a nested Y.Map so that it costs one Yjs item, not eight: a page with 5,000
// strokes then loads in a fraction of the time. Its points are one compact string (see encodePoints) for the same reason.
import * as Y from 'yjs';

export const INK_ROOTS = { strokes: 'strokes', notes: 'notes', pages: 'pages' } as const;

export const INK_TOOLS = ['pen', 'highlighter', 'line'] as const;
export type InkTool = (typeof INK_TOOLS)[number];

/** Limits the collab server enforces; the client keeps under them (it splits a very long stroke in two). */
export const INK_LIMITS = {
  maxPointsPerStroke: 4000,
  maxStrokesPerDocument: 20_000,
  maxNotesPerDocument: 2_000,
  maxNoteChars: 2_000,
  maxPages: 200,
  maxIdChars: 64,
  /** Stroke width in page units: the page box is 1000 units wide. */
  minWidth: 0.25,
  maxWidth: 100,
  /** How far a new stroke's or note's `at` may be from the server's clock (tablets' clocks drift). */
  atToleranceMs: 10 * 60_000,
  /** One awareness message (presence, follow-the-presenter, laser pointer). */
  maxAwarenessBytes: 4096,
  /** Awareness messages per connection: a sustained rate and a burst; the server drops what goes beyond. */
  awarenessPerSecond: 20,
  awarenessBurst: 40,
} as const;

/** Coordinates are stored as integers: 1/10,000 of the page box for x and y, 1/100 for pressure. */
export const POINT_SCALE = { xy: 10_000, pressure: 100 } as const;

export interface InkStroke {
  id: string;
  /** '1', '2', … for a material's PDF pages; a whiteboard page's id. */
  page: string;
  tool: InkTool;
  /** '#rrggbb' */
  color: string;
  /** Page units (the page box is 1000 wide). */
  width: number;
  /** encodePoints() of flat x, y, pressure triples, x and y normalised 0..1 to the page box, pressure 0..1. */
  points: string;
  /** The user id of whoever drew it; the server refuses any other. */
  author: string;
  /** Epoch ms when it was drawn. */
  at: number;
}

export interface InkNote {
  id: string;
  page: string;
  /** Normalised 0..1 position of the note's top-left corner on the page box. */
  x: number;
  y: number;
  text: string;
  color: string;
  author: string;
  at: number;
}

export type PageBackground = 'blank' | { snapshotFileId: string };

export interface WhiteboardPage {
  id: string;
  background: PageBackground;
  createdBy: string;
  at: number;
}

export interface StrokeInput {
  page: string;
  tool: InkTool;
  color: string;
  width: number;
  /** Flat x, y, pressure triples (normalised 0..1). */
  points: ArrayLike<number>;
}

// ---------------------------------------------------------------------------------------------------------------
// Points encoding: the "encoded polyline" scheme (zig-zag deltas in 5-bit groups, each group one ASCII character in
// 63..126). A pen point moves a few units from the previous one, so most values take one or two characters.

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

function pushValue(out: string[], delta: number): void {
  let v = delta < 0 ? ~(delta << 1) : delta << 1;
  while (v >= 0x20) {
    out.push(String.fromCharCode((0x20 | (v & 0x1f)) + 63));
    v >>= 5;
  }
  out.push(String.fromCharCode(v + 63));
}

/** Encodes flat x, y, pressure triples (normalised 0..1; out-of-range values are clamped). */
export function encodePoints(flat: ArrayLike<number>): string {
  if (flat.length % 3 !== 0) throw new Error('points must be x, y, pressure triples');
  const out: string[] = [];
  let px = 0;
  let py = 0;
  let pp = 0;
  for (let i = 0; i < flat.length; i += 3) {
    const x = Math.round(clamp01(flat[i]!) * POINT_SCALE.xy);
    const y = Math.round(clamp01(flat[i + 1]!) * POINT_SCALE.xy);
    const p = Math.round(clamp01(flat[i + 2]!) * POINT_SCALE.pressure);
    pushValue(out, x - px);
    pushValue(out, y - py);
    pushValue(out, p - pp);
    px = x;
    py = y;
    pp = p;
  }
  return out.join('');
}

/** Decodes to flat x, y, pressure triples (normalised 0..1), or null when the string is not a valid encoding. */
export function decodePoints(encoded: string): Float32Array | null {
  // Each value takes at least one character, so this bounds the output.
  const values = new Int32Array(encoded.length);
  let n = 0;
  let i = 0;
  while (i < encoded.length) {
    let result = 0;
    let shift = 0;
    let c: number;
    do {
      if (i >= encoded.length || shift > 25) return null;
      c = encoded.charCodeAt(i++) - 63;
      if (c < 0 || c > 63) return null;
      result |= (c & 0x1f) << shift;
      shift += 5;
    } while (c >= 0x20);
    values[n++] = result & 1 ? ~(result >>> 1) : result >>> 1;
  }
  if (n % 3 !== 0) return null;
  const out = new Float32Array(n);
  let x = 0;
  let y = 0;
  let p = 0;
  for (let k = 0; k < n; k += 3) {
    x += values[k]!;
    y += values[k + 1]!;
    p += values[k + 2]!;
    if (x < 0 || x > POINT_SCALE.xy || y < 0 || y > POINT_SCALE.xy || p < 0 || p > POINT_SCALE.pressure) return null;
    out[k] = x / POINT_SCALE.xy;
    out[k + 1] = y / POINT_SCALE.xy;
    out[k + 2] = p / POINT_SCALE.pressure;
  }
  return out;
}

/** [x, y, pressure] tuples, the shape perfect-freehand takes. Returns [] for an invalid encoding. */
export function strokePoints(stroke: Pick<InkStroke, 'points'>): Array<[number, number, number]> {
  const flat = decodePoints(stroke.points) ?? new Float32Array(0);
  const out: Array<[number, number, number]> = [];
  for (let i = 0; i < flat.length; i += 3) out.push([flat[i]!, flat[i + 1]!, flat[i + 2]!]);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Ids: 16 url-safe random characters. crypto.getRandomValues works in insecure contexts too (tablets on plain-HTTP
// LAN), unlike crypto.randomUUID.

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function newInkId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b & 63];
  return id;
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing: the server runs these on every value a client writes; the client may use them on what it reads.

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const COLOR_RE = /^#[0-9a-fA-F]{6}$/;
const USER_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

function exactKeys(v: Record<string, unknown>, keys: readonly string[]): string | null {
  const extra = Object.keys(v).find((k) => !keys.includes(k));
  if (extra !== undefined) return `unexpected field "${extra.slice(0, 20)}"`;
  const missing = keys.find((k) => !(k in v));
  return missing === undefined ? null : `missing field "${missing}"`;
}

const isEpochMs = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 8.64e15;
const isUnit = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

const STROKE_KEYS = ['id', 'page', 'tool', 'color', 'width', 'points', 'author', 'at'] as const;

export function parseStroke(v: unknown): Parsed<InkStroke> {
  if (!isRecord(v)) return bad('a stroke must be an object');
  const keys = exactKeys(v, STROKE_KEYS);
  if (keys) return bad(`stroke: ${keys}`);
  const { id, page, tool, color, width, points, author, at } = v;
  if (typeof id !== 'string' || !ID_RE.test(id)) return bad('stroke: bad id');
  if (typeof page !== 'string' || !ID_RE.test(page)) return bad('stroke: bad page');
  if (typeof tool !== 'string' || !(INK_TOOLS as readonly string[]).includes(tool)) return bad('stroke: unknown tool');
  if (typeof color !== 'string' || !COLOR_RE.test(color)) return bad('stroke: bad colour');
  if (typeof width !== 'number' || !(width >= INK_LIMITS.minWidth && width <= INK_LIMITS.maxWidth))
    return bad('stroke: width out of range');
  if (typeof author !== 'string' || !USER_ID_RE.test(author)) return bad('stroke: bad author');
  if (!isEpochMs(at)) return bad('stroke: bad time');
  // Each point takes at least three characters; at most five per value at our scales.
  if (typeof points !== 'string' || points.length < 3 || points.length > INK_LIMITS.maxPointsPerStroke * 15)
    return bad('stroke: bad points');
  const flat = decodePoints(points);
  if (!flat || flat.length === 0) return bad('stroke: bad points');
  const count = flat.length / 3;
  if (count > INK_LIMITS.maxPointsPerStroke) return bad(`stroke: more than ${INK_LIMITS.maxPointsPerStroke} points`);
  if (tool === 'line' && count !== 2) return bad('stroke: a line has exactly two points');
  return { ok: true, value: { id, page, tool: tool as InkTool, color, width, points, author, at } };
}

const NOTE_KEYS = ['id', 'page', 'x', 'y', 'text', 'color', 'author', 'at'] as const;

export function parseNote(v: unknown): Parsed<InkNote> {
  if (!isRecord(v)) return bad('a note must be an object');
  const keys = exactKeys(v, NOTE_KEYS);
  if (keys) return bad(`note: ${keys}`);
  const { id, page, x, y, text, color, author, at } = v;
  if (typeof id !== 'string' || !ID_RE.test(id)) return bad('note: bad id');
  if (typeof page !== 'string' || !ID_RE.test(page)) return bad('note: bad page');
  if (!isUnit(x) || !isUnit(y)) return bad('note: position out of range');
  if (typeof text !== 'string' || text.length > INK_LIMITS.maxNoteChars) return bad('note: text too long');
  if (typeof color !== 'string' || !COLOR_RE.test(color)) return bad('note: bad colour');
  if (typeof author !== 'string' || !USER_ID_RE.test(author)) return bad('note: bad author');
  if (!isEpochMs(at)) return bad('note: bad time');
  return { ok: true, value: { id, page, x, y, text, color, author, at } };
}

const PAGE_KEYS = ['id', 'background', 'createdBy', 'at'] as const;

export function parsePage(v: unknown): Parsed<WhiteboardPage> {
  if (!isRecord(v)) return bad('a page must be an object');
  const keys = exactKeys(v, PAGE_KEYS);
  if (keys) return bad(`page: ${keys}`);
  const { id, background, createdBy, at } = v;
  if (typeof id !== 'string' || !ID_RE.test(id)) return bad('page: bad id');
  if (typeof createdBy !== 'string' || !USER_ID_RE.test(createdBy)) return bad('page: bad creator');
  if (!isEpochMs(at)) return bad('page: bad time');
  if (background === 'blank') return { ok: true, value: { id, background, createdBy, at } };
  if (!isRecord(background) || exactKeys(background, ['snapshotFileId']) !== null) return bad('page: bad background');
  const fileId = background.snapshotFileId;
  if (typeof fileId !== 'string' || !ID_RE.test(fileId)) return bad('page: bad snapshot');
  return { ok: true, value: { id, background: { snapshotFileId: fileId }, createdBy, at } };
}

// ---------------------------------------------------------------------------------------------------------------
// Document access helpers.

export function strokesMap(doc: Y.Doc): Y.Map<InkStroke> {
  return doc.getMap<InkStroke>(INK_ROOTS.strokes);
}

export function notesMap(doc: Y.Doc): Y.Map<InkNote> {
  return doc.getMap<InkNote>(INK_ROOTS.notes);
}

export function pagesArray(doc: Y.Doc): Y.Array<WhiteboardPage> {
  return doc.getArray<WhiteboardPage>(INK_ROOTS.pages);
}

/**
 * Adds a stroke drawn by `author`. Pass the UndoManager's tracked origin as `origin` so that undo covers own strokes
 * only. Returns the stored stroke.
 */
export function addStroke(
  doc: Y.Doc,
  input: StrokeInput,
  author: string,
  at = Date.now(),
  origin?: unknown,
): InkStroke {
  const stroke: InkStroke = {
    id: newInkId(),
    page: input.page,
    tool: input.tool,
    color: input.color,
    width: input.width,
    points: encodePoints(input.points),
    author,
    at: Math.round(at),
  };
  const parsed = parseStroke(stroke);
  if (!parsed.ok) throw new Error(parsed.problem);
  doc.transact(() => strokesMap(doc).set(stroke.id, stroke), origin);
  return stroke;
}

/** Erases a stroke (the server refuses erasing someone else's without edit access). */
export function deleteStroke(doc: Y.Doc, strokeId: string, origin?: unknown): void {
  doc.transact(() => strokesMap(doc).delete(strokeId), origin);
}

const byTime = (a: { at: number; id: string }, b: { at: number; id: string }) =>
  a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The page's strokes in drawing order (oldest first, so later strokes paint on top). */
export function strokesOnPage(doc: Y.Doc, page: string): InkStroke[] {
  const out: InkStroke[] = [];
  for (const stroke of strokesMap(doc).values()) if (stroke.page === page) out.push(stroke);
  return out.sort(byTime);
}

/** Every page's strokes in drawing order, in one pass (thumbnails, export). */
export function strokesByPage(doc: Y.Doc): Map<string, InkStroke[]> {
  const out = new Map<string, InkStroke[]>();
  for (const stroke of strokesMap(doc).values()) {
    const list = out.get(stroke.page);
    if (list) list.push(stroke);
    else out.set(stroke.page, [stroke]);
  }
  for (const list of out.values()) list.sort(byTime);
  return out;
}

export interface NoteInput {
  page: string;
  x: number;
  y: number;
  text: string;
  color: string;
}

export function addNote(doc: Y.Doc, input: NoteInput, author: string, at = Date.now(), origin?: unknown): InkNote {
  const note: InkNote = {
    id: newInkId(),
    page: input.page,
    x: input.x,
    y: input.y,
    text: input.text,
    color: input.color,
    author,
    at: Math.round(at),
  };
  const parsed = parseNote(note);
  if (!parsed.ok) throw new Error(parsed.problem);
  doc.transact(() => notesMap(doc).set(note.id, note), origin);
  return note;
}

/** Changes a note's text, position or colour (its author, or someone with edit access). */
export function updateNote(
  doc: Y.Doc,
  noteId: string,
  change: Partial<Pick<InkNote, 'text' | 'x' | 'y' | 'color'>>,
  origin?: unknown,
): InkNote | null {
  const current = notesMap(doc).get(noteId);
  if (!current) return null;
  const next: InkNote = { ...current, ...change };
  const parsed = parseNote(next);
  if (!parsed.ok) throw new Error(parsed.problem);
  doc.transact(() => notesMap(doc).set(noteId, next), origin);
  return next;
}

export function deleteNote(doc: Y.Doc, noteId: string, origin?: unknown): void {
  doc.transact(() => notesMap(doc).delete(noteId), origin);
}

export function notesOnPage(doc: Y.Doc, page: string): InkNote[] {
  const out: InkNote[] = [];
  for (const note of notesMap(doc).values()) if (note.page === page) out.push(note);
  return out.sort(byTime);
}

export function addWhiteboardPage(
  doc: Y.Doc,
  background: PageBackground,
  createdBy: string,
  at = Date.now(),
  origin?: unknown,
): WhiteboardPage {
  const page: WhiteboardPage = { id: newInkId(), background, createdBy, at: Math.round(at) };
  const parsed = parsePage(page);
  if (!parsed.ok) throw new Error(parsed.problem);
  doc.transact(() => pagesArray(doc).push([page]), origin);
  return page;
}

/** Removes a whiteboard page; its strokes stay in the document but no longer show (the page id is gone). */
export function removeWhiteboardPage(doc: Y.Doc, pageId: string, origin?: unknown): void {
  const pages = pagesArray(doc);
  const index = pages.toArray().findIndex((p) => p.id === pageId);
  if (index !== -1) doc.transact(() => pages.delete(index, 1), origin);
}

export function whiteboardPages(doc: Y.Doc): WhiteboardPage[] {
  return pagesArray(doc).toArray();
}

// ---------------------------------------------------------------------------------------------------------------
// Awareness on ink documents: who is here, what the presenter shows, the laser pointer. The server overwrites
// `user.id` with the connection's user and clears `follow.presenter` for anyone without edit access.

export interface InkAwarenessState {
  user: { id: string; name: string; color: string };
  follow: {
    presenter: boolean;
    materialId: string | null;
    page: string;
    zoom: number;
    scrollX: number;
    scrollY: number;
  } | null;
  laser: { x: number; y: number; at: number } | null;
}

const AWARENESS_KEYS = ['user', 'follow', 'laser'] as const;

export function parseAwareness(v: unknown): Parsed<InkAwarenessState> {
  if (!isRecord(v)) return bad('awareness state must be an object');
  const extra = Object.keys(v).find((k) => !(AWARENESS_KEYS as readonly string[]).includes(k));
  if (extra !== undefined) return bad(`awareness: unexpected field "${extra.slice(0, 20)}"`);
  const { user, follow = null, laser = null } = v;
  if (!isRecord(user) || exactKeys(user, ['id', 'name', 'color'])) return bad('awareness: bad user');
  if (
    typeof user.id !== 'string' ||
    typeof user.name !== 'string' ||
    user.name.length > 100 ||
    typeof user.color !== 'string' ||
    !COLOR_RE.test(user.color)
  )
    return bad('awareness: bad user');
  let followState: InkAwarenessState['follow'] = null;
  if (follow !== null) {
    if (!isRecord(follow) || exactKeys(follow, ['presenter', 'materialId', 'page', 'zoom', 'scrollX', 'scrollY']))
      return bad('awareness: bad follow');
    const { presenter, materialId, page, zoom, scrollX, scrollY } = follow;
    if (
      typeof presenter !== 'boolean' ||
      (materialId !== null && (typeof materialId !== 'string' || materialId.length > 64))
    )
      return bad('awareness: bad follow');
    if (typeof page !== 'string' || !ID_RE.test(page)) return bad('awareness: bad follow page');
    const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    if (!finite(zoom) || zoom <= 0 || zoom > 20 || !finite(scrollX) || !finite(scrollY))
      return bad('awareness: bad follow view');
    followState = { presenter, materialId, page, zoom, scrollX, scrollY };
  }
  let laserState: InkAwarenessState['laser'] = null;
  if (laser !== null) {
    if (
      !isRecord(laser) ||
      exactKeys(laser, ['x', 'y', 'at']) ||
      !isUnit(laser.x) ||
      !isUnit(laser.y) ||
      !isEpochMs(laser.at)
    )
      return bad('awareness: bad laser');
    laserState = { x: laser.x, y: laser.y, at: laser.at };
  }
  return {
    ok: true,
    value: { user: { id: user.id, name: user.name, color: user.color }, follow: followState, laser: laserState },
  };
}
