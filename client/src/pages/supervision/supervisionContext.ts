// What the supervision pages share: the person's capabilities in the module and a signal to reload lists.
import { createContext, useContext } from 'react';
import type { Capabilities } from '../../api/supervision.ts';

export interface SupervisionShared {
  capabilities: Capabilities | null;
  /** Bumped when something changed (a task was created): lists reload. */
  version: number;
  reload(): void;
}

export const SupervisionContext = createContext<SupervisionShared>({
  capabilities: null,
  version: 0,
  reload: () => undefined,
});

export function useSupervision(): SupervisionShared {
  return useContext(SupervisionContext);
}
