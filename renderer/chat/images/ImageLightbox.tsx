import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { X } from 'lucide-react';
import { IconButton } from '../messages/IconButton';
import { useStoredImageUrl } from './use-image-url';
import type { ImageSource } from './AnswerImages';

/** An image at full size over the room; Escape, the close button or a click beside the image close it. */
export function ImageLightbox({ source, alt, onClose }: { source: ImageSource; alt: string; onClose: () => void }) {
  const stored = useStoredImageUrl(source.kind === 'stored' ? source.ref.id : '', source.kind === 'stored');
  const url = source.kind === 'live' ? source.url : stored.url;
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.querySelector<HTMLButtonElement>('.image-lightbox-close')?.focus(), []);
  return createPortal(
    <div
      className="modal-backdrop image-lightbox-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div ref={dialog} className="image-lightbox" role="dialog" aria-modal="true" aria-label={alt}>
        <IconButton className="image-lightbox-close" label="Close image" tip="Close" onClick={onClose}>
          <X size={18} aria-hidden="true" />
        </IconButton>
        {url ? <img src={url} alt={alt} /> : <p className="muted">{stored.missing ? 'This image is no longer stored.' : 'Loading…'}</p>}
      </div>
    </div>,
    document.body,
  );
}
