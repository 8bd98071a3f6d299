// The workbench's own reads over REST: the personal calendar (日程), the 通讯录, and the office's 在途 panel. Shapes
// come from the server's own schemas (type-only imports).
import type { z } from 'zod';
import type { addressBookBody } from '../../../server/routes/addressBook/schema.ts';
import type { calendarBody } from '../../../server/routes/calendar/schema.ts';
import type { inTransitBody } from '../../../server/routes/officialDocs/inTransit.ts';
import { http } from './http.ts';

export type CalendarEntries = z.infer<typeof calendarBody>;
export type CalendarMeeting = CalendarEntries['meetings'][number];
export type CalendarDeadline = CalendarEntries['deadlines'][number];
export type AddressBookPage = z.infer<typeof addressBookBody>;
export type AddressBookEntry = AddressBookPage['items'][number];
export interface AddressBookQuery {
  q?: string | undefined;
  unitId?: string | undefined;
  page?: number;
  pageSize?: number;
}
export type UnitInTransit = z.infer<typeof inTransitBody>;

export const calendarApi = {
  /** Without a date: the view around the server's today. */
  get: (query: { view: 'day' | 'week' | 'month'; date?: string | undefined }) =>
    http.get<CalendarEntries>('/api/calendar', { query: { ...query } }),
};

export const addressBookApi = {
  search: (query: AddressBookQuery) => http.get<AddressBookPage>('/api/address-book', { query: { ...query } }),
};

export const inTransitApi = {
  get: (limit = 8) => http.get<UnitInTransit>('/api/official-documents/in-transit', { query: { limit } }),
};
