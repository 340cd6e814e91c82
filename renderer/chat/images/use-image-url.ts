import { useEffect, useState, type RefObject } from 'react';
import { getImageBlob } from '../../history/db/images';
import { getImageThumb } from '../../history/db/image-thumbs';

// A stored image is read from IndexedDB only while its tile is on screen (or near it): the Blob becomes an object
// URL, which is revoked when the tile scrolls away or unmounts, so a room of hundreds of images holds only the
// visible ones in memory.

const MARGIN = '400px';

export function useOnScreen(ref: RefObject<Element | null>): boolean {
  // without IntersectionObserver (old engines, jsdom) every image counts as on screen
  const [onScreen, setOnScreen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setOnScreen(entries.some((e) => e.isIntersecting)), { rootMargin: MARGIN });
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return onScreen;
}

export interface StoredImageUrl {
  url: string | null;
  missing: boolean;
}

/** The object URL of a stored image while `active`; null while it loads or when inactive. `size`: the image itself
 * (the full-size dialog), or its thumbnail (the room's tiles). */
export function useStoredImageUrl(id: string, active: boolean, size: 'full' | 'thumb' = 'full'): StoredImageUrl {
  const [state, setState] = useState<StoredImageUrl & { id: string }>({ id: '', url: null, missing: false });
  useEffect(() => {
    if (!active || !id) return;
    let url: string | null = null;
    let cancelled = false;
    (size === 'thumb' ? getImageThumb(id) : getImageBlob(id)).then(
      (blob) => {
        if (cancelled) return;
        if (!blob) return setState({ id, url: null, missing: true });
        url = URL.createObjectURL(blob);
        setState({ id, url, missing: false });
      },
      () => !cancelled && setState({ id, url: null, missing: true }),
    );
    return () => {
      cancelled = true;
      if (!url) return;
      URL.revokeObjectURL(url);
      const revoked = url;
      // a revoked URL is never shown again (after an unmount React drops this update)
      setState((s) => (s.url === revoked ? { id: '', url: null, missing: false } : s));
    };
  }, [id, active, size]);
  return active && state.id === id ? { url: state.url, missing: state.missing } : { url: null, missing: false };
}
