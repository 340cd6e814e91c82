import { Fragment } from 'react';
import './tables.css';

/** A model id that may wrap only after a "/" (never inside a name): "meta-llama/" then "llama-4-maverick". The
 * full id stays in the text, so it is what is copied and read aloud. */
export function ModelId({ id }: { id: string }) {
  const parts = id.split('/');
  return (
    <span className="model-id">
      {parts.map((p, i) => (
        <Fragment key={i}>
          <span className="model-id-part">{i < parts.length - 1 ? `${p}/` : p}</span>
          {i < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </span>
  );
}
