// Shapes shared by the minutes extractor's parts: the proposed task and the optional unit directory.

import type { IsoDate } from '../calendar/isoDate.ts';

/** A unit from the organisation directory; aliases are the short forms people write (区发改委). */
export interface KnownUnit {
  name: string;
  aliases?: readonly string[];
}

export interface ExtractOptions {
  /** The meeting's calendar date in China; relative deadlines are resolved against it. */
  meetingDate: IsoDate;
  /** Optional directory; helps recognise names without the usual shape, never required. */
  units?: readonly KnownUnit[];
}

export type ReviewReason = 'noDeadline' | 'estimatedDeadline' | 'noLead';

/** A supervision task proposed from one decision item of the minutes. */
export interface ExtractedTask {
  title: string;
  sourceText: string;
  leadUnits: string[];
  coUnits: string[];
  owners: string[];
  coOwners: string[];
  due: IsoDate | null;
  needsReview: boolean;
  /** Why the clerk should look at it; empty when needsReview is false. */
  reviewReasons: ReviewReason[];
  /** Offsets of the item in the original text (end exclusive). */
  start: number;
  end: number;
}
