// OCR (文字识别) text in English; the same keys as ocr.zh-CN.ts.
import type ocrZhCN from './ocr.zh-CN.ts';

const ocrEn: typeof ocrZhCN = {
  queued: 'Waiting for OCR',
  running: 'Recognising {{done}}/{{total}} pages',
  runningUnknown: 'Recognising',
  done: 'Text recognised',
  failed: 'OCR failed',
  failure: {
    unreadable: 'The file cannot be read or is damaged',
    no_pages: 'The file has no pages',
    timeout: 'Recognition took too long',
    engine: 'The OCR program failed; contact the system administrator',
  },
  draft: 'New draft from the recognised text',
  drafted: 'A new draft was made from the recognised text',
};

export default ocrEn;
