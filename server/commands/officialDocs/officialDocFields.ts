// The fields of a 公文 its drafter writes (the rest fill themselves or come with sign-off and numbering; the 附件说明
// follows the attachments), and how they are stored: lists as JSON arrays.
import type { Disclosure, OfficialDocumentKind, Urgency } from '../../../common/officialDocs/catalogue.ts';

export interface OfficialDocFields {
  title: string;
  kind: OfficialDocumentKind;
  classification: number;
  secrecyPeriod: string;
  copyNumber: string;
  urgency: Urgency;
  mainRecipients: string[];
  issuerSignature: string;
  remark: string;
  ccRecipients: string[];
  disclosure: Disclosure;
}

/** The columns of OfficialDocument these fields write (title and classification live on the 正文's Document). */
export function fieldColumns(fields: Partial<OfficialDocFields>) {
  const list = (v: string[] | undefined) => (v === undefined ? undefined : JSON.stringify(v));
  const columns = {
    kind: fields.kind,
    secrecyPeriod: fields.secrecyPeriod,
    copyNumber: fields.copyNumber,
    urgency: fields.urgency,
    mainRecipients: list(fields.mainRecipients),
    issuerSignature: fields.issuerSignature,
    remark: fields.remark,
    ccRecipients: list(fields.ccRecipients),
    disclosure: fields.disclosure,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) as Partial<
    Record<keyof typeof columns, string>
  >;
}
