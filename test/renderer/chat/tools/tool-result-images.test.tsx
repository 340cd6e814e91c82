import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { ToolCallRecord } from '../../../../shared/tools/tool-steps';
import { ToolLoopView } from '../../../../renderer/chat/tools/ToolLoopView';
import { PIXEL_PNG } from '../../../fakes/mcp/fake-tools';

// A tool result's images in its card: plain img elements with alt text; anything that is not a checked data: URL
// of a raster image (a stored or imported answer may hold anything) is left out and counted.

afterEach(() => cleanup());

const png = `data:image/png;base64,${PIXEL_PNG}`;
const call = (images: { url: string; alt: string }[], imagesSkipped?: number): ToolCallRecord => ({
  callId: 'c1', functionName: 'picture', serverId: 'fake', serverName: 'Fake', tool: 'picture', argumentsText: '{}', decision: 'allowed-once', error: null,
  result: { text: 'Here is the picture.\n[image image/png, 68 bytes]', isError: false, truncated: false, fullBytes: 40, durationMs: 3, images, ...(imagesSkipped ? { imagesSkipped } : {}) },
});

describe('tool result images', () => {
  it('shows the result’s images with their alt text, and says how many were left out', () => {
    const images = [
      { url: png, alt: 'Image 1 returned by picture' },
      { url: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', alt: 'Image 2 returned by picture' },
      { url: 'javascript:alert(1)', alt: 'Image 3 returned by picture' },
      { url: png, alt: 'Image 4 returned by picture' },
    ];
    render(<ToolLoopView steps={[{ text: '', record: null, calls: [call(images, 3)] }]} text="A picture." streaming={false} streamId={null} />);
    const shown = screen.getAllByRole('img');
    expect(shown.map((img) => [img.getAttribute('alt'), img.getAttribute('src')])).toEqual([
      ['Image 1 returned by picture', png],
      ['Image 4 returned by picture', png],
    ]);
    expect(screen.getByText('5 images not shown: at most 4 are shown, PNG, JPEG, GIF or WebP up to 2 MB each.')).toBeTruthy();
    expect(screen.getByText(/Here is the picture\./)).toBeTruthy();
  });
});
