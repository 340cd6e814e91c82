import { useRef, useState } from 'react';
import { Copy, Download, Maximize2 } from 'lucide-react';
import './images.css';
import type { ImageRef } from '../../history/db/types';
import { getImageBlob } from '../../history/db/images';
import { IconButton } from '../messages/IconButton';
import { blobOfDataUrl, copyImage, downloadBlob, imageFileName } from './image-file';
import { useOnScreen, useStoredImageUrl } from './use-image-url';
import { ImageLightbox } from './ImageLightbox';

/** One generated image: streamed (a data: URL main sent) or stored (a Blob in IndexedDB, read while on screen). */
export type ImageSource = { kind: 'live'; url: string; mime: string } | { kind: 'stored'; ref: ImageRef };

export interface AnswerImagesProps {
  messageId: string;
  /** images still arriving (data: URLs), shown until the answer is stored */
  live?: string[] | undefined;
  stored?: ImageRef[] | undefined;
  /** who made them: the alt text and the saved file's name */
  who: string;
}

function mimeOfDataUrl(url: string): string {
  return /^data:([^;,]+)/.exec(url)?.[1] ?? 'image/png';
}

/** The images an answer generated, each with Open, Copy and Save. */
export function AnswerImages({ messageId, live, stored, who }: AnswerImagesProps) {
  const sources: ImageSource[] = live?.length
    ? live.map((url) => ({ kind: 'live', url, mime: mimeOfDataUrl(url) }))
    : (stored ?? []).map((ref) => ({ kind: 'stored', ref }));
  if (sources.length === 0) return null;
  return (
    <div className="answer-images" role="group" aria-label={`Images (${sources.length})`}>
      {sources.map((src, i) => (
        <ImageTile key={src.kind === 'stored' ? src.ref.id : `${messageId}-${i}`} source={src} n={i + 1} who={who} />
      ))}
    </div>
  );
}

async function blobOf(source: ImageSource): Promise<Blob> {
  if (source.kind === 'live') return blobOfDataUrl(source.url);
  const blob = await getImageBlob(source.ref.id);
  if (!blob) throw new Error('the image is no longer stored');
  return blob;
}

function ImageTile({ source, n, who }: { source: ImageSource; n: number; who: string }) {
  const box = useRef<HTMLElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const onScreen = useOnScreen(box);
  const stored = useStoredImageUrl(source.kind === 'stored' ? source.ref.id : '', source.kind === 'stored' && onScreen, 'thumb');
  const url = source.kind === 'live' ? source.url : stored.url;
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const mime = source.kind === 'live' ? source.mime : source.ref.mime;
  const alt = `Image ${n} from ${who}`;

  const act = (what: () => Promise<string>) => {
    what().then(setNote, (err: Error) => setNote(`Could not do that: ${err.message}`));
  };
  const copy = () => act(async () => (await copyImage(await blobOf(source)), 'Copied'));
  const save = () => act(async () => (downloadBlob(await blobOf(source), imageFileName(who, n, mime)), 'Saved'));
  const show = () => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    opener.current?.focus(); // focus goes back where it was: the button that opened the image
  };

  return (
    <figure className="answer-image" ref={box}>
      {/* a click on the picture opens it too; keyboard users have the Open button below */}
      <div className="answer-image-view" onClick={show} title="Open full size">
        {url ? <img src={url} alt={alt} decoding="async" /> : <span className="answer-image-placeholder muted">{stored.missing ? 'Image missing' : ''}</span>}
      </div>
      <figcaption className="answer-image-bar">
        <IconButton label={`Open image ${n} full size`} tip="Open" onClick={show}>
          <Maximize2 size={14} aria-hidden="true" />
        </IconButton>
        <IconButton label={`Copy image ${n}`} tip="Copy" onClick={copy}>
          <Copy size={14} aria-hidden="true" />
        </IconButton>
        <IconButton label={`Save image ${n}`} tip="Save" onClick={save}>
          <Download size={14} aria-hidden="true" />
        </IconButton>
        <span className="muted answer-image-note" role="status">{note}</span>
      </figcaption>
      {open ? <ImageLightbox source={source} alt={alt} onClose={close} /> : null}
    </figure>
  );
}
