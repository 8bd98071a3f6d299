// The meeting edit form's values against the meeting as it is: only what changed is sent, so an unchanged plenary box
// is never a plenary change (refused once the meeting has started). Pure.
import type { MeetingChanges, MeetingDetail } from '../../../api/meetings.ts';
import type { Classification } from '../../../api/types.ts';

export interface EditForm {
  title: string;
  type: MeetingDetail['type'];
  customType?: string | undefined;
  classification: Classification;
  description: string;
  plenary: boolean;
}

type Current = Pick<MeetingDetail, 'title' | 'type' | 'customType' | 'classification' | 'description' | 'plenary'>;

/** The fields of the form that differ from the meeting as it is. */
export function changesOf(meeting: Current, v: EditForm): MeetingChanges {
  const changes: MeetingChanges = {};
  if (v.title.trim() !== meeting.title) changes.title = v.title.trim();
  if (v.type !== meeting.type) changes.type = v.type as MeetingChanges['type'];
  const customType = v.type === 'custom' ? v.customType?.trim() || null : null;
  if (v.type === 'custom' && customType !== meeting.customType) changes.customType = customType;
  if (v.classification !== meeting.classification) changes.classification = v.classification;
  if (v.description !== meeting.description) changes.description = v.description;
  if (v.plenary !== meeting.plenary) changes.plenary = v.plenary;
  return changes;
}
