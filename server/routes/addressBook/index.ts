// 通讯录 (address book): find people by name, pinyin initials, 职务, office phone or unit. Business users only (the
// workspace gate), whom the address-book policy lists.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { routeArea } from '../../http/routeArea.ts';
import { requireAuth } from '../../http/requestContext.ts';
import { responses } from '../../http/schemas.ts';
import { authorize } from '../../policies/index.ts';
import { searchAddressBook } from '../../queries/users/addressBook.ts';
import { addressBookBody, addressBookQuery } from './schema.ts';

const addressBookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['address-book'],
        summary: 'People of the organisation: name, unit, 职务, office phone (mobile and e-mail within one’s unit)',
        querystring: addressBookQuery,
        response: responses({ 200: addressBookBody }),
      },
    },
    async (request) => {
      const { subject } = requireAuth(request);
      authorize(subject, 'addressBook.view');
      const { items, total } = await searchAddressBook(app.svc.db, subject, request.query);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
};

export default routeArea('/api/address-book', [addressBookRoutes]);
