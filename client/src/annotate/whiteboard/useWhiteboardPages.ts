// The whiteboard's pages as they change, and the natural size of each snapshot page (known once its image loads).
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { pagesArray, type WhiteboardPage } from '../../../../common/schema/inkModel.ts';

export function useWhiteboardPages(doc: Y.Doc | null): WhiteboardPage[] {
  const [pages, setPages] = useState<WhiteboardPage[]>([]);
  useEffect(() => {
    if (!doc) return;
    const array = pagesArray(doc);
    const update = () => setPages(array.toArray());
    array.observe(update);
    update();
    return () => array.unobserve(update);
  }, [doc]);
  return doc ? pages : [];
}

/** A blank page is 16:9, like the screens it is shown on. */
export const BLANK_PAGE = { width: 1600, height: 900 };

export function useImageSize(url: string | null): { width: number; height: number } | null {
  const [size, setSize] = useState<{ url: string; size: { width: number; height: number } } | null>(null);
  useEffect(() => {
    if (!url) return;
    const image = new Image();
    image.onload = () => setSize({ url, size: { width: image.naturalWidth, height: image.naturalHeight } });
    image.onerror = () => console.warn('snapshot image failed to load', url);
    image.src = url;
    return () => {
      image.onload = null;
      image.onerror = null;
    };
  }, [url]);
  // The same object while the URL stays: the page view refits the page when its size object changes.
  return size && size.url === url ? size.size : null;
}
