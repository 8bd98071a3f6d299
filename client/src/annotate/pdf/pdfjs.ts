// Loads pdf.js on demand, with its worker, CMaps (Chinese text in PDFs without embedded fonts) and standard fonts
// bundled by vite, so materials render in a meeting room without internet access.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// Each file becomes a hashed asset; pdf.js asks for them by name, so the names are mapped to the built URLs. Never
// inlined: a data: URL would be fetched, and our content security policy (connect-src) does not allow that.
const CMAPS = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', {
  query: '?url&no-inline',
  import: 'default',
});
const FONTS = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', {
  query: '?url&no-inline',
  import: 'default',
});

const byName = (files: Record<string, () => Promise<string>>) =>
  new Map(Object.entries(files).map(([path, load]) => [path.slice(path.lastIndexOf('/') + 1), load]));
const cmapFiles = byName(CMAPS);
const fontFiles = byName(FONTS);

/** pdf.js's BinaryDataFactory contract: fetch({ kind, filename }) → bytes. Looks the file up among the bundled assets. */
class BundledDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const files = kind === 'cMapUrl' ? cmapFiles : kind === 'standardFontDataUrl' ? fontFiles : null;
    const load = files?.get(filename);
    if (!load) throw new Error(`pdf.js data file not bundled: ${kind} ${filename}`);
    const response = await fetch(await load());
    if (!response.ok) throw new Error(`pdf.js data file ${filename}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

type PdfJs = typeof import('pdfjs-dist');
let library: Promise<PdfJs> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  library ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return library;
}

/** Opens a PDF from its bytes (fetched by the caller: one request, one pre-reading mark, errors as ApiError). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  return pdfjs.getDocument({
    data: bytes,
    // The base URLs only have to be set for pdf.js to ask; the factory ignores them and serves the bundled files.
    cMapUrl: 'bundled:cmaps/',
    cMapPacked: true,
    standardFontDataUrl: 'bundled:fonts/',
    // Fonts a PDF does not embed come from the bundled font files, as data: the same look on every tablet, and no font
    // URL for the content security policy to refuse.
    useSystemFonts: false,
    useWorkerFetch: false,
    BinaryDataFactory: BundledDataFactory,
    // Our content security policy does not allow WebAssembly compilation; pdf.js has plain-JS decoders.
    useWasm: false,
  }).promise;
}
