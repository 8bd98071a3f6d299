// Who a written name is: looks names from the minutes up in the user directory once each, and links a name only when
// exactly one person in the directory has it (two 张伟 are left for someone to tell apart).
import { usersApi } from '../../api/users.ts';
import type { PeopleIndex } from './decisionAttrs.ts';

export type FindPeople = (name: string) => Promise<Array<{ id: string; displayName: string }>>;

export class PeopleDirectory {
  private readonly cache = new Map<string, Promise<string | null>>();

  constructor(
    private readonly find: FindPeople = async (name) => (await usersApi.list({ q: name, pageSize: 10 })).items,
  ) {}

  private lookUp(name: string): Promise<string | null> {
    let pending = this.cache.get(name);
    if (!pending) {
      pending = this.find(name).then((items) => {
        const exact = items.filter((u) => u.displayName === name);
        return exact.length === 1 ? (exact[0]?.id ?? null) : null;
      });
      // A failed look-up (offline) is not remembered: the name stays unlinked now and is asked about again next time.
      pending.catch(() => this.cache.delete(name));
      this.cache.set(name, pending);
    }
    return pending;
  }

  async resolve(names: readonly string[]): Promise<PeopleIndex> {
    const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
    const settled = await Promise.allSettled(wanted.map((name) => this.lookUp(name)));
    return new Map(
      wanted.map((name, i) => {
        const result = settled[i];
        return [name, result?.status === 'fulfilled' ? result.value : null] as const;
      }),
    );
  }
}
