import { mcpResultImageSchema, type McpCallResult } from '../../../shared/contract/mcp';

/** The images of a tool result: plain `img` elements of data: URLs main checked (raster types, capped in count and
 * size), checked again here since a stored or imported answer may hold anything. */
export function ToolResultImages({ result }: { result: McpCallResult }) {
  const images = (result.images ?? []).filter((img) => mcpResultImageSchema.safeParse(img).success);
  const skipped = (result.imagesSkipped ?? 0) + (result.images?.length ?? 0) - images.length;
  if (images.length === 0 && skipped === 0) return null;
  return (
    <div className="tool-result-images">
      {images.map((img, i) => (
        <img key={i} src={img.url} alt={img.alt} loading="lazy" />
      ))}
      {skipped > 0 ? (
        <p className="muted">
          {skipped} image{skipped === 1 ? '' : 's'} not shown: at most 4 are shown, PNG, JPEG, GIF or WebP up to 2 MB each.
        </p>
      ) : null}
    </div>
  );
}
