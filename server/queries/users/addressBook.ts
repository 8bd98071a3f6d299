// 通讯录: people of the organisation by name (or its pinyin initials, 陈明 ↔ cm), 职务, office phone, or unit (with
// the units below it), a page at a time. Filtered as the address-book policy says, so the total counts only whom the
// list may show; each entry carries only the contact fields the caller may read.
import type { Prisma } from '../../../prisma/generated/client.ts';
import type { Subject } from '../../auth/subject.ts';
import type { Db } from '../../db/client.ts';
import { pinyinInitials } from '../../domain/directory/pinyinInitials.ts';
import { addressBookContact, addressBookVisibility } from '../../policies/addressBook.ts';

export interface AddressBookQuery {
  q?: string | undefined;
  unitId?: string | undefined;
  page: number;
  pageSize: number;
}

export interface AddressBookEntry {
  id: string;
  displayName: string;
  title: string;
  officePhone: string;
  unit: { id: string; name: string; path: string[] };
  /** Only for people of the caller's own unit (userView 'colleague'); null otherwise. */
  phone: string | null;
  email: string | null;
}

type UnitRow = { id: string; name: string; parentId: string | null };

/** The unit and every unit below it. */
function subtree(units: UnitRow[], rootId: string): string[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) for (const u of units) if (u.parentId === ids[i]) ids.push(u.id);
  return ids;
}

/** Names from the top of the tree down to the unit: 区人民政府 › 区政府办公室 › 区政府督查室. */
function pathOf(byId: Map<string, UnitRow>, unitId: string): string[] {
  const names: string[] = [];
  for (let u = byId.get(unitId); u && names.length < 32; u = u.parentId ? byId.get(u.parentId) : undefined)
    names.unshift(u.name);
  return names;
}

/** What q matches: digits an office phone, latin letters the pinyin initials of a name, anything else the text. */
async function matching(db: Db, listed: Prisma.UserWhereInput, q: string): Promise<Prisma.UserWhereInput> {
  if (/^[\d\s()+-]+$/.test(q)) return { officePhone: { contains: q.trim() } };
  const text: Prisma.UserWhereInput[] = [
    { displayName: { contains: q } },
    { title: { contains: q } },
    { unit: { name: { contains: q } } },
  ];
  if (!/^[a-z]+$/i.test(q)) return { OR: text };
  // Initials are not stored: they come from the name, over the listed people's names only (a directory, not a table
  // of documents, so this stays small).
  const wanted = q.toUpperCase();
  const names = await db.user.findMany({ where: listed, select: { id: true, displayName: true } });
  const ids = names.filter((n) => pinyinInitials(n.displayName).startsWith(wanted)).map((n) => n.id);
  return { OR: [...text, { id: { in: ids } }] };
}

export async function searchAddressBook(
  db: Db,
  subject: Subject,
  query: AddressBookQuery,
): Promise<{ items: AddressBookEntry[]; total: number }> {
  const v = addressBookVisibility(subject);
  if (v.none) return { items: [], total: 0 };
  const units = await db.unit.findMany({ select: { id: true, name: true, parentId: true } });
  const byId = new Map(units.map((u) => [u.id, u]));
  const listed: Prisma.UserWhereInput = { disabled: v.disabled, adminRole: v.adminRole };
  const q = query.q?.trim();
  const where: Prisma.UserWhereInput = {
    AND: [
      listed,
      ...(query.unitId ? [{ unitId: { in: subtree(units, query.unitId) } }] : []),
      ...(q ? [await matching(db, listed, q)] : []),
    ],
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      select: {
        id: true,
        displayName: true,
        title: true,
        officePhone: true,
        unitId: true,
        phone: true,
        email: true,
      },
      orderBy: [{ unit: { sortOrder: 'asc' } }, { unit: { name: 'asc' } }, { displayName: 'asc' }, { id: 'asc' }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.user.count({ where }),
  ]);
  return {
    total,
    items: rows.map((r) => {
      const full = addressBookContact(subject, { id: r.id, unitId: r.unitId }) === 'full';
      return {
        id: r.id,
        displayName: r.displayName,
        title: r.title,
        officePhone: r.officePhone,
        unit: { id: r.unitId, name: byId.get(r.unitId)?.name ?? '', path: pathOf(byId, r.unitId) },
        phone: full ? r.phone : null,
        email: full ? r.email : null,
      };
    }),
  };
}
