// Searching a whole PDF: each page's text is read once (on the first search) and every match listed in page order;
// the search moves through them with next/previous.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { findOnPage, type PageMatch } from './textSearch.ts';

export interface DocumentSearch {
  matches: PageMatch[];
  /** Index into matches, or -1. */
  current: number;
  searching: boolean;
  go(delta: 1 | -1): PageMatch | null;
}

async function pageTexts(pdf: PDFDocumentProxy, pageNumber: number): Promise<string[]> {
  const page = await pdf.getPage(pageNumber);
  const content = await page.getTextContent();
  // The text layer makes one element per item that has text: the same items, in the same order.
  return content.items.flatMap((item) => ('str' in item ? [item.str] : []));
}

export function useDocumentSearch(pdf: PDFDocumentProxy | null, query: string): DocumentSearch {
  const texts = useRef(new Map<number, Promise<string[]>>());
  const [matches, setMatches] = useState<PageMatch[]>([]);
  const [current, setCurrent] = useState(-1);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    texts.current = new Map();
  }, [pdf]);

  useEffect(() => {
    const q = query.trim();
    if (!pdf || !q) {
      setMatches([]);
      setCurrent(-1);
      return;
    }
    let cancelled = false;
    setSearching(true);
    // Typing: wait for a pause before reading every page.
    const timer = setTimeout(() => {
      (async () => {
        const found: PageMatch[] = [];
        for (let n = 1; n <= pdf.numPages; n++) {
          let text = texts.current.get(n);
          if (!text) {
            text = pageTexts(pdf, n);
            texts.current.set(n, text);
          }
          found.push(...findOnPage(n, await text, q));
          if (cancelled) return;
        }
        setMatches(found);
        setCurrent(found.length > 0 ? 0 : -1);
      })()
        .catch((err: unknown) => console.warn('search failed', err))
        .finally(() => {
          if (!cancelled) setSearching(false);
        });
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [pdf, query]);

  return useMemo(
    () => ({
      matches,
      current,
      searching,
      go: (delta: 1 | -1) => {
        if (matches.length === 0) return null;
        const next = (current + delta + matches.length) % matches.length;
        setCurrent(next);
        return matches[next] ?? null;
      },
    }),
    [matches, current, searching],
  );
}
