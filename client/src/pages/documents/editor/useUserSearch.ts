// Searches the user directory as someone types a name (mentions, sharing), answering only the latest query.
import { useCallback, useRef, useState } from 'react';
import { usersApi } from '../../../api/users.ts';
import type { UserPresentation } from '../../../api/types.ts';

export type DirectoryUser = Pick<UserPresentation, 'id' | 'displayName' | 'unitName' | 'title'>;

const PAGE_SIZE = 8;

export function useUserSearch(): { users: DirectoryUser[]; searching: boolean; search: (q: string) => void } {
  const [users, setUsers] = useState<DirectoryUser[]>([]);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);
  const search = useCallback((q: string) => {
    const ticket = ++latest.current;
    setSearching(true);
    usersApi
      .list({ q: q.trim() || undefined, pageSize: PAGE_SIZE })
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
  }, []);
  return { users, searching, search };
}
