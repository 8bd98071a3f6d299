// The full-text search index: a derived SQLite database beside the main one (<dataDir>/search.db) holding, for each
// readable object, its text in an FTS5 trigram table and a bigram side table (terms under three characters), its
// filter facts, and the grant tokens of its read rule (policies/searchGrants.ts), also as codes in the text tables'
// grants column (grantCode) for the match to narrow by. It is rebuilt from the main database at will (`npm run cli --
// search-reindex`), so it is kept out of Prisma's migrations, whose diff would drop FTS5 virtual tables and their
// shadow tables in the next migration anyone writes.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SearchKind } from '../../common/search/searchApi.ts';
import { bigramText } from '../domain/search/searchText.ts';
import type { Grant } from '../policies/searchGrants.ts';

/** Bumped when the tables below change: an index of another version is dropped and rebuilt from the main database. */
const SCHEMA_VERSION = 4;

/** One object as the index keeps it. Body text is left out above 内部 (see BODY_MAX_CLASSIFICATION). */
export interface IndexEntry {
  kind: SearchKind;
  objectId: string;
  /** The object a hit links through (the meeting of minutes and materials), else the object itself. */
  parentId: string;
  title: string;
  body: string;
  unitId: string;
  /** 文种 of a 公文, the meeting type, else null. */
  docType: string | null;
  status: string;
  classification: number;
  /** The date results sort by and the date filter reads: ISO instant. */
  date: string;
  grants: readonly Grant[];
}

/**
 * The highest classification whose body text is indexed. Classified content (秘密, 机密) is encrypted at rest; its
 * text in a plain index would undo that, so those objects are found by title, 文号 and facts, not by their body.
 */
export const BODY_MAX_CLASSIFICATION = 1;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS item (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  object_id TEXT NOT NULL,
  parent_id TEXT NOT NULL,
  title TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  doc_type TEXT,
  status TEXT NOT NULL,
  classification INTEGER NOT NULL,
  date TEXT NOT NULL,
  UNIQUE (kind, object_id)
);
CREATE INDEX IF NOT EXISTS item_date ON item (date);
CREATE TABLE IF NOT EXISTS item_grant (
  item INTEGER NOT NULL,
  token TEXT NOT NULL,
  min_clearance INTEGER NOT NULL,
  PRIMARY KEY (item, token)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS item_grant_token ON item_grant (token, item);
CREATE TABLE IF NOT EXISTS grant_code (
  token TEXT NOT NULL,
  min_clearance INTEGER NOT NULL,
  code TEXT NOT NULL UNIQUE,
  PRIMARY KEY (token, min_clearance)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS text_tri USING fts5(title, body, grants, tokenize = 'trigram');
CREATE VIRTUAL TABLE IF NOT EXISTS text_bi USING fts5(grams, grants, content = '', contentless_delete = 1, tokenize = 'unicode61');
`;

const TABLES = ['meta', 'item', 'item_grant', 'grant_code', 'text_tri', 'text_bi'];

/** Characters of grant codes: the private-use area, which no query term holds (WORD_RUN) and no text case-folds. */
const CODE_BASE = 0xe000;
const CODE_DIGITS = 0x1900;

/**
 * The n-th grant code: three private-use characters, so that the trigram tokenizer sees exactly one token for it and
 * unicode61 one word. Codes are written space-separated: every other trigram of the column holds a space, which no
 * code does, so a code's query matches that code alone.
 */
export function grantCode(n: number): string {
  const digit = (d: number) => String.fromCharCode(CODE_BASE + d);
  return (
    digit(Math.floor(n / CODE_DIGITS ** 2) % CODE_DIGITS) +
    digit(Math.floor(n / CODE_DIGITS) % CODE_DIGITS) +
    digit(n % CODE_DIGITS)
  );
}

/** The clearance column of a fact's code: facts are not grants, and no grant asks less than 0. */
export const FACT_CLEARANCE = -1;

/**
 * The filter facts of an entry (searchHits.ts filters) as tokens, coded in the grants column beside the grants so the
 * match narrows by a filter too; the filters themselves stay in the query.
 */
export function factTokens(f: {
  kind?: string | undefined;
  docType?: string | null | undefined;
  unitId?: string | undefined;
  status?: string | undefined;
  classification?: number | undefined;
}): string[] {
  const out: string[] = [];
  if (f.kind !== undefined) out.push(`fact:kind=${f.kind}`);
  if (f.docType != null) out.push(`fact:type=${f.docType}`);
  if (f.unitId !== undefined) out.push(`fact:unit=${f.unitId}`);
  if (f.status !== undefined) out.push(`fact:status=${f.status}`);
  if (f.classification !== undefined) out.push(`fact:class=${f.classification}`);
  return out;
}

/** The prefix of an entry's month fact: the China calendar month of its date, `fact:month=YYYY-MM`. */
export const MONTH_FACT = 'fact:month=';

/**
 * The month fact of an entry's date (an ISO instant), in China time as the date filter's days are: a date range is
 * then an OR of the months it touches inside the full-text match (searchHits.ts), the exact range staying in the query.
 */
export function monthToken(date: string): string {
  return MONTH_FACT + new Date(new Date(date).getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

const codeNumber = (code: string): number =>
  [...code].reduce((n, c) => n * CODE_DIGITS + (c.charCodeAt(0) - CODE_BASE), 0);

export class SearchIndex {
  readonly db: Database.Database;
  private readonly statements;

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) {
      for (const t of TABLES) this.db.exec(`DROP TABLE IF EXISTS ${t}`);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
    this.db.exec(DDL);
    this.statements = {
      find: this.db.prepare<[string, string], { id: number }>('SELECT id FROM item WHERE kind = ? AND object_id = ?'),
      insertItem: this.db.prepare(
        `INSERT INTO item (kind, object_id, parent_id, title, unit_id, doc_type, status, classification, date)
         VALUES (@kind, @objectId, @parentId, @title, @unitId, @docType, @status, @classification, @date)`,
      ),
      deleteItem: this.db.prepare('DELETE FROM item WHERE id = ?'),
      deleteGrants: this.db.prepare('DELETE FROM item_grant WHERE item = ?'),
      deleteTri: this.db.prepare('DELETE FROM text_tri WHERE rowid = ?'),
      deleteBi: this.db.prepare('DELETE FROM text_bi WHERE rowid = ?'),
      insertGrant: this.db.prepare('INSERT INTO item_grant (item, token, min_clearance) VALUES (?, ?, ?)'),
      insertTri: this.db.prepare('INSERT INTO text_tri (rowid, title, body, grants) VALUES (?, ?, ?, ?)'),
      insertBi: this.db.prepare('INSERT INTO text_bi (rowid, grams, grants) VALUES (?, ?, ?)'),
      findCode: this.db.prepare<[string, number], { code: string }>(
        'SELECT code FROM grant_code WHERE token = ? AND min_clearance = ?',
      ),
      // Codes of equal length in one UTF-8 plane sort as their numbers do: the greatest is the last assigned.
      lastCode: this.db.prepare<[], { code: string | null }>('SELECT max(code) AS code FROM grant_code'),
      insertCode: this.db.prepare('INSERT INTO grant_code (token, min_clearance, code) VALUES (?, ?, ?)'),
      getMeta: this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: this.db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  private removeRow(id: number): void {
    const s = this.statements;
    s.deleteGrants.run(id);
    s.deleteTri.run(id);
    s.deleteBi.run(id);
    s.deleteItem.run(id);
  }

  /**
   * The code of a grant (token and clearance) in the text tables' grants column, assigned on first use. The codes let
   * the full-text match itself keep only rows the searcher holds a grant of (searchHits.ts), where the posting lists
   * intersect, instead of checking the read rule of every match; item_grant stays the rule the query applies.
   */
  private codeOf(g: Grant): string {
    const s = this.statements;
    const found = s.findCode.get(g.token, g.minClearance);
    if (found) return found.code;
    const last = s.lastCode.get()?.code;
    const code = grantCode(last ? codeNumber(last) + 1 : 0);
    s.insertCode.run(g.token, g.minClearance, code);
    return code;
  }

  private insert(e: IndexEntry): void {
    const s = this.statements;
    const body = e.classification <= BODY_MAX_CLASSIFICATION ? e.body : '';
    const id = Number(s.insertItem.run({ ...e }).lastInsertRowid);
    for (const g of e.grants) s.insertGrant.run(id, g.token, g.minClearance);
    const codes = [
      ...e.grants.map((g) => this.codeOf(g)),
      ...[...factTokens(e), monthToken(e.date)].map((token) => this.codeOf({ token, minClearance: FACT_CLEARANCE })),
    ].join(' ');
    s.insertTri.run(id, e.title, body, codes);
    s.insertBi.run(id, `${bigramText(e.title)} ${bigramText(body)}`, codes);
  }

  /**
   * Replaces what the index holds for these objects in one transaction: `entries` are written anew, `gone` (objects
   * deleted, or no longer indexed) removed, so a reader sees either the old state of the batch or the new one.
   */
  apply(entries: readonly IndexEntry[], gone: ReadonlyArray<{ kind: SearchKind; objectId: string }> = []): void {
    this.db.transaction(() => {
      for (const g of [...gone, ...entries]) {
        const row = this.statements.find.get(g.kind, g.objectId);
        if (row) this.removeRow(row.id);
      }
      for (const e of entries) this.insert(e);
    })();
  }

  /** Empties the index and its marks: a full rebuild starts here. */
  clear(): void {
    this.db.transaction(() => {
      for (const t of ['item', 'item_grant', 'grant_code', 'text_tri', 'text_bi', 'meta'])
        this.db.exec(`DELETE FROM ${t}`);
    })();
  }

  /** A mark of the indexer (how far it has read the main database's change feeds). */
  mark(key: string): string | null {
    return this.statements.getMeta.get(key)?.value ?? null;
  }

  setMark(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM item').get() as { n: number }).n;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
