// Whether the screen is wide enough for a side navigation (desktop, landscape tablet) rather than a bottom tab bar.
import { useSyncExternalStore } from 'react';

/** 10-inch tablets are ~800 px wide in portrait and ~1280 px in landscape; this splits the two. */
const WIDE_QUERY = '(min-width: 992px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(WIDE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useWideLayout(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(WIDE_QUERY).matches);
}
