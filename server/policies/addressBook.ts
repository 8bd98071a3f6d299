// 通讯录: who may look people up and whom they find. Every business user reads the directory of the organisation
// (name, unit, 职务, office phone) to reach colleagues; disabled accounts and the three administrators' accounts (三员)
// are nobody to contact and are never listed. Same-unit colleagues also read mobile and e-mail (as userView says).
// Mounted in the RULES of index.ts; the list filter is addressBookVisibility.
import type { Subject } from '../auth/subject.ts';
import { userView } from './accounts.ts';
import { business } from './predicates.ts';

/** Who the address book lists, as facts a query turns into its filter. */
export interface AddressBookVisibility {
  none: boolean;
  /** Only accounts in use are listed. */
  disabled: false;
  /** Only business accounts are listed: no 三员 account, whoever asks. */
  adminRole: null;
}

export function addressBookVisibility(subject: Subject): AddressBookVisibility {
  return { none: !business(subject), disabled: false, adminRole: null };
}

/** Whether one account is in the address book at all (the same rule as the filter, for a single person). */
export function listedInAddressBook(person: { disabled: boolean; adminRole: string | null }): boolean {
  return !person.disabled && person.adminRole === null;
}

/** The contact fields the subject reads about a listed person: mobile and e-mail only within their own unit. */
export function addressBookContact(subject: Subject, person: { id: string; unitId: string }): 'office' | 'full' {
  return userView(subject, person) === 'directory' ? 'office' : 'full';
}

export const addressBookRules = {
  'addressBook.view': (s: Subject) => business(s),
};
