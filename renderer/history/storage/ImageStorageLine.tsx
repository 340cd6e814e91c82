import { useEffect, useState } from 'react';
import { imageUsage } from '../db/images';
import { formatBytes } from '../../common/format-bytes';

/** Settings → Storage: how much of the storage above generated images take. */
export function ImageStorageLine() {
  const [usage, setUsage] = useState<{ count: number; bytes: number } | null>(null);
  useEffect(() => {
    let live = true;
    imageUsage().then(
      (u) => live && setUsage(u),
      () => undefined, // the line stays away when the table cannot be read
    );
    return () => {
      live = false;
    };
  }, []);
  if (!usage) return null;
  return (
    <p aria-label="Image storage">
      Images: {usage.count === 0 ? 'none stored' : `${usage.count} image${usage.count === 1 ? '' : 's'}, ${formatBytes(usage.bytes)}`}.
    </p>
  );
}
