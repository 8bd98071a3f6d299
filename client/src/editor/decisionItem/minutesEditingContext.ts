// What the decision-item views and the proposal widgets of one open minutes document share: the unit directory (to link
// written unit names), the people directory, and the decision item a link asked to show (#decision-<id>).
import { createContext, useContext } from 'react';
import type { DirectoryUnit } from './decisionAttrs.ts';
import { PeopleDirectory } from './peopleDirectory.ts';

export interface MinutesEditing {
  units: readonly DirectoryUnit[];
  people: PeopleDirectory;
  /** The decision item the page was opened at, highlighted once it has arrived. */
  targetDecisionId: string | null;
}

export const MinutesEditingContext = createContext<MinutesEditing>({
  units: [],
  people: new PeopleDirectory(),
  targetDecisionId: null,
});

export function useMinutesEditing(): MinutesEditing {
  return useContext(MinutesEditingContext);
}
