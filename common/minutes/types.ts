// Shapes shared by the minutes extractor's parts: the proposed task and the optional unit directory.

import type { IsoDate } from '../calendar/isoDate.ts';

/** A unit from the organisation directory; aliases are the short forms people write (区发改委). */
export interface KnownUnit {
  name: string;
  aliases?: readonly string[];
}

/** A person from the directory; aliases are other ways minutes write them (a former name, a pen name). */
export interface KnownPerson {
  name: string;
  aliases?: readonly string[];
}

export interface ExtractOptions {
  /** The meeting's calendar date in China; relative deadlines are resolved against it. */
  meetingDate: IsoDate;
  /** Optional directory; helps recognise names without the usual shape, never required. */
  units?: readonly KnownUnit[];
  /** Optional directory of people; a name found here is read as a person first, without other cues. */
  people?: readonly KnownPerson[];
}

/** The proposed fields whose reading is scored for the reviewer. */
export const CONFIDENCE_FIELDS = ['title', 'leadUnits', 'coUnits', 'owners', 'coOwners', 'due'] as const;
export type ConfidenceField = (typeof CONFIDENCE_FIELDS)[number];

/** 0–1 per field: how sure the reading is; the review screen highlights fields below UNCERTAIN. */
export type FieldConfidence = Record<ConfidenceField, number>;

/** Fields scored below this are shown highlighted for the minute-taker and the supervisor. */
export const UNCERTAIN = 0.8;

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
  /** How sure each field's reading is (directory matches and explicit labels score high). */
  confidence: FieldConfidence;
  /** Offsets of the item in the original text (end exclusive). */
  start: number;
  end: number;
}
