// Request and response shapes of the 通讯录 (address book).
import { z } from 'zod';

export const addressBookQuery = z.strictObject({
  q: z.string().trim().max(64).optional().describe('a name, its pinyin initials (cm for 陈明), a 职务 or a phone'),
  unitId: z.string().min(1).max(64).optional().describe('this unit and every unit below it'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const addressBookEntry = z.object({
  id: z.string(),
  displayName: z.string(),
  /** 职务. */
  title: z.string(),
  officePhone: z.string(),
  unit: z.object({ id: z.string(), name: z.string(), path: z.array(z.string()) }),
  /** Mobile and e-mail: for people of the caller's own unit only, null otherwise. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const addressBookBody = z.object({
  items: z.array(addressBookEntry),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
