// Searches the user directory as someone types a name (mentions, sharing), answering only the latest query. For
// mentions on a document, only the people who may read it are offered (the server refuses a mention of anyone else).
import { useCallback, useRef, useState } from 'react';
import { documentsApi } from '../../../api/documents.ts';
import { usersApi } from '../../../api/users.ts';
import type { UserPresentation } from '../../../api/types.ts';

export type DirectoryUser = Pick<UserPresentation, 'id' | 'displayName' | 'unitName' | 'title'>;

const PAGE_SIZE = 8;

export function useUserSearch(readersOf?: string): {
  users: DirectoryUser[];
  searching: boolean;
  search: (q: string) => void;
} {
  const [users, setUsers] = useState<DirectoryUser[]>([]);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);
  const search = useCallback(
    (q: string) => {
      const ticket = ++latest.current;
      setSearching(true);
      const query = q.trim() || undefined;
      const found: Promise<{ items: DirectoryUser[] }> = readersOf
        ? documentsApi.mentionCandidates(readersOf, query, PAGE_SIZE)
        : usersApi.list({ q: query, pageSize: PAGE_SIZE });
      found
        .then(
          ({ items }) => {
            if (ticket === latest.current) setUsers(items);
          },
          () => {
            // The picker shows no matches; the person can type again, which asks again.
            if (ticket === latest.current) setUsers([]);
          },
        )
        .finally(() => {
          if (ticket === latest.current) setSearching(false);
        });
    },
    [readersOf],
  );
  return { users, searching, search };
}
