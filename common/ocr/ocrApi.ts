// What the OCR (文字识别) API answers, shared by the server and the web client: where the recognition of one scanned or
// image file stands, page by page, and why it failed when it did.

/**
 * queued: waiting for the job; running: pages under way; done: text recognised; failed: see `error`;
 * text_layer: a PDF with its own text, which search reads directly (nothing to recognise).
 */
export const OCR_STATES = ['queued', 'running', 'done', 'failed', 'text_layer'] as const;
export type OcrState = (typeof OCR_STATES)[number];

/** Why a file could not be recognised (stored with the job, shown in both languages by the client). */
export const OCR_FAILURES = ['unreadable', 'no_pages', 'timeout', 'engine'] as const;
export type OcrFailure = (typeof OCR_FAILURES)[number];

export interface OcrProgress {
  state: OcrState;
  pagesDone: number;
  /** Null until the job has opened the file. */
  pagesTotal: number | null;
  error: OcrFailure | null;
}

/** The progress of each material of a meeting that is (or was) recognised, by material id. */
export interface MaterialOcrList {
  items: Array<{ materialId: string } & OcrProgress>;
}

/** The recognised text of one file, for those who may read the file; `text` is null until it is done. */
export interface RecognisedText extends OcrProgress {
  text: string | null;
}
