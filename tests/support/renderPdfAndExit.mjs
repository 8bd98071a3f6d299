// Test runs only (pdfRenderers.integration.test.ts): renders one PDF through the worker pool the way the server runs,
// with tsx registered in-process as scripts/start.mjs does, prints what it got, and ends without closing anything: the
// process must exit by itself once the PDF is rendered (idle workers do not hold it).
import { register } from 'tsx/esm/api';

register();
const { renderPdf } = await import('../../server/export/pdfRenderers.ts');
const { findCjkFont } = await import('../../server/export/cjkFont.ts');
const pdf = await renderPdf({
  title: '测试',
  classificationLabel: '',
  blocks: [{ kind: 'paragraph', runs: [{ text: '会议议定', threadIds: [] }] }],
  threads: [],
  includeComments: false,
  authorName: () => '',
  font: findCjkFont(),
  footer: '',
});
console.log(Buffer.isBuffer(pdf), pdf.subarray(0, 5).toString());
