import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../../../electron/engine/providers/registry';
import { parseErrorResponse } from '../../../../electron/engine/providers/common/upstream-errors';
import type { UpstreamKind } from '../../../../shared/openrouter/generation';
import { FIXTURES_DIR, fixtureLines, readFixture } from '../../../fakes';
import {
  adapterRequest, inject, parseWire, prng, sha16, splitBytes, summarize, usage, type Summary, type ToolCallSummary,
} from './support/replay';

// Every recorded stream in test/fixtures/provider-streams, framed as its provider sends it, re-split at
// random byte offsets (down to single bytes) with keep-alive comments, pings and CRLF injected, must produce
// exactly the content, tool calls, finish reason and usage read off the fixture files by hand.

type TextCheck = string | { length: number; start: string; end: string; sha: string };

interface Expectation {
  text: TextCheck;
  reasoning?: TextCheck;
  toolCalls?: ToolCallSummary[];
  finish: { reason: string; native: string | null };
  usage: ReturnType<typeof usage>;
  start?: { upstreamId: string; model: string };
  check?: (s: Summary) => void;
}

const STREAMS: Record<string, Expectation> = {
  'openai/openai-text.chunks.txt': {
    text: { length: 1724, start: '**Holiday Name:** Harmony Day\n\n**Date:** Celebrate', end: 'ed human experiences and mutual respect.', sha: '53b2d9e583d02b3f' },
    finish: { reason: 'stop', native: 'stop' },
    usage: usage(16, 300),
    start: { upstreamId: 'chatcmpl-D8Z5oo6uDh67AD85p73ksdT1KxhE0', model: 'gpt-4.1-nano-2025-04-14' },
  },
  'openai/azure-model-router.1.chunks.txt': {
    text: 'Capital of Denmark.',
    finish: { reason: 'stop', native: 'stop' },
    usage: usage(15, 78, 0, 0, 64),
    // The empty first chunk (id "", model "") must not produce the start event.
    start: { upstreamId: 'chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt', model: 'gpt-5-nano-2025-08-07' },
  },
  'deepseek/deepseek-reasoning.chunks.txt': {
    text: 'The word "strawberry" contains three "r"s.',
    reasoning: { length: 606, start: 'We need to count the number of the lette', end: 'nd 9. So yes, 3.\n\nThus, the answer is 3.', sha: '01a5d04ca7e849fd' },
    finish: { reason: 'stop', native: 'stop' },
    usage: usage(18, 219, 0, 0, 205),
  },
  'deepseek/deepseek-text.chunks.txt': {
    text: { length: 1855, start: '## **Holiday Name:** Starlight Remembrance\n\n**Date', end: ' observe 15 minutes of silent looking at', sha: '2293daa9001bc91d' },
    finish: { reason: 'length', native: 'length' },
    usage: usage(13, 400),
  },
  'deepseek/deepseek-tool-call.chunks.txt': {
    text: '',
    reasoning: { length: 191, start: 'The user is asking for the weather in Sa', end: 'cation parameter set to "San Francisco".', sha: 'e9e5190a993cf891' },
    toolCalls: [{ index: 0, id: 'call_00_ioIn7yN9p1ZOMNpDLwd4MgAF', name: 'weather', arguments: '{"location": "San Francisco"}' }],
    finish: { reason: 'tool_calls', native: 'tool_calls' },
    usage: usage(339, 83, 320, 0, 39), // prompt_cache_hit_tokens 320
  },
  'groq/groq-text.chunks.txt': {
    text: { length: 3189, start: 'Introducing "Luminaria" - a new holiday that celeb', end: 'per appreciation for the magic of light.', sha: 'ca1f8ad858e90cfa' },
    finish: { reason: 'stop', native: 'stop' },
    usage: usage(45, 662),
  },
  'openai-compatible/xai-text.chunks.txt': {
    text: 'Grok',
    reasoning: { length: 1455, start: 'First, the user said: "Say a single word', end: 'possible, just the word.\n\nResponse: Grok', sha: '822137627c2158b3' },
    finish: { reason: 'stop', native: 'stop' },
    // xAI: completion_tokens 2 excludes the 340 reasoning tokens (total_tokens 354 = 12 + 2 + 340).
    usage: usage(12, 342, 11, 0, 340),
  },
  'anthropic/anthropic-clear-thinking.1.chunks.txt': {
    text: '925 ÷ 5 = 185',
    reasoning: 'The previous result was 925. Now I need to divide that by 5.\n\n925 ÷ 5 = 185',
    finish: { reason: 'stop', native: 'end_turn' },
    usage: usage(69, 53),
    start: { upstreamId: 'msg_01Y6V41gqPaKWEw7iPouH7iW', model: 'claude-sonnet-4-5-20250929' },
    check: (s) => {
      expect(s.details).toHaveLength(1);
      expect(s.details[0]).toMatchObject({
        type: 'reasoning.text', format: 'anthropic-claude-v1', index: 0,
        text: 'The previous result was 925. Now I need to divide that by 5.\n\n925 ÷ 5 = 185',
      });
      const sig = s.details[0]!.signature as string;
      expect(sig.startsWith('EvQBCkYICxgCKkAxhD4NUKFzudtZ6NzbZdEiBACIScTzqjPV')).toBe(true);
      expect(sig.endsWith('Nd6flI2K/oPr/4yzNgvi/EhT6Ca17BgB')).toBe(true);
      expect(sig).toHaveLength(332);
    },
  },
  'anthropic/anthropic-json-tool.1.chunks.txt': {
    text: '',
    toolCalls: [{
      index: 0, id: 'toolu_01KFbKqPYSuAKujiL6mTfzYA', name: 'json',
      arguments: '{"elements": [{"location": "San Francisco", "temperature": 58, "condition": "sunny"}]}',
    }],
    finish: { reason: 'tool_calls', native: 'tool_use' },
    usage: usage(849, 47),
  },
  'anthropic/anthropic-refusal.chunks.txt': {
    text: '',
    finish: { reason: 'content_filter', native: 'refusal' },
    usage: usage(18, 5),
  },
  'anthropic/anthropic-text.chunks.txt': {
    text: "Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?",
    finish: { reason: 'stop', native: 'end_turn' },
    usage: usage(12, 30),
    start: { upstreamId: 'msg_01QC4g3HwBThD4BaNtBckFDJ', model: 'claude-sonnet-4-5-20250929' },
  },
  'anthropic/anthropic-tool-no-args.chunks.txt': {
    text: "I'll update the issue list for you.",
    toolCalls: [{ index: 0, id: 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP', name: 'updateIssueList', arguments: '{}' }],
    finish: { reason: 'tool_calls', native: 'tool_use' },
    usage: usage(565, 48),
  },
  'anthropic/duplicate-message-start.chunks.txt': {
    text: 'Hello, World!',
    finish: { reason: 'stop', native: 'end_turn' },
    usage: usage(17, 227), // input from message_start, output from the cumulative message_delta
    start: { upstreamId: 'msg_dup', model: 'claude-3-haiku-20240307' },
  },
  'google/google-reasoning.chunks.txt': {
    text: 'There are **3** "r"s in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.',
    finish: { reason: 'stop', native: 'STOP' },
    usage: usage(9, 285, 0, 0, 256), // 29 candidates + 256 thoughts, last chunk only (cumulative)
    start: { upstreamId: 'dX6LadKVC7SZ28oPr9yJoQs', model: 'gemini-3-pro-preview' },
    check: (s) => {
      expect(s.details).toHaveLength(1);
      expect(s.details[0]).toMatchObject({ type: 'reasoning.encrypted', format: 'google-gemini-v1' });
      expect((s.details[0]!.data as string).startsWith('Eo0HCooHAb4+9vutXdtKMt+r7Z3gLh52ZQ3RKYDzp4A6PHh0dLuvI1Kw')).toBe(true);
    },
  },
  'google/google-text.chunks.txt': {
    text: 'There are **3** "r"s in strawberry.\n\nst**r**awbe**rr**y',
    finish: { reason: 'stop', native: 'STOP' },
    usage: usage(9, 208, 0, 0, 185),
  },
  'google/google-tool-call.chunks.txt': {
    text: '',
    toolCalls: [{ index: 0, id: 'call_0', name: 'weather', arguments: '{"location":"San Francisco"}' }],
    finish: { reason: 'tool_calls', native: 'STOP' }, // Gemini says STOP; tool calls make it tool_calls
    usage: usage(29, 60, 0, 0, 45),
    check: (s) => {
      expect(s.details).toHaveLength(1);
      expect(s.details[0]).toMatchObject({ type: 'reasoning.encrypted', format: 'google-gemini-v1', id: 'call_0' });
      expect((s.details[0]!.data as string).startsWith('EqUCCqICAb4+9vsh8Pd5taZVoPzSvjWWwzBrvhEQ')).toBe(true);
    },
  },
};

const BODIES: Record<string, { kind: UpstreamKind; text: TextCheck; finish: { reason: string; native: string | null }; usage: ReturnType<typeof usage> }> = {
  'anthropic/anthropic-text.json': {
    kind: 'anthropic',
    text: "Hello! I'm doing well, thanks for asking. How are you doing today? Is there anything I can help you with?",
    finish: { reason: 'stop', native: 'end_turn' },
    usage: usage(12, 29),
  },
  'google/google-text.json': {
    kind: 'gemini',
    text: "There are **3** r's in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.",
    finish: { reason: 'stop', native: 'STOP' },
    usage: usage(9, 272, 0, 0, 244),
  },
  'openai/openai-text.json': {
    kind: 'openai-compatible',
    text: { length: 1842, start: '**Holiday Name:** Galaxy Day  \n\n**Date:*', end: 's to look up and dream beyond our world.', sha: '0bd93e941831fcdd' },
    finish: { reason: 'stop', native: 'stop' },
    usage: usage(16, 363),
  },
};

const ERROR_BODIES = ['google/google-429-retry-info.json'];

function listFixtures(): string[] {
  const out: string[] = [];
  for (const dir of readdirSync(FIXTURES_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(path.join(FIXTURES_DIR, dir.name))) out.push(`${dir.name}/${f}`);
  }
  return out.sort();
}

function adaptersFor(file: string): UpstreamKind[] {
  const folder = file.split('/')[0];
  if (folder === 'anthropic') return ['anthropic'];
  if (folder === 'google') return ['gemini'];
  return ['openai-compatible', 'openrouter'];
}

/** The README's framing table. */
function frame(file: string): string {
  const lines = fixtureLines(file);
  const folder = file.split('/')[0];
  if (folder === 'anthropic') return lines.map((l) => `event: ${(JSON.parse(l) as { type: string }).type}\ndata: ${l}\n\n`).join('');
  if (folder === 'google') return lines.map((l) => `data: ${l}\r\n\r\n`).join('');
  return lines.map((l) => `data: ${l}\n\n`).join('') + 'data: [DONE]\n\n';
}

function checkText(actual: string, expected: TextCheck | undefined): void {
  if (expected === undefined) return expect(actual).toBe('');
  if (typeof expected === 'string') return expect(actual).toBe(expected);
  expect(actual).toHaveLength(expected.length);
  expect(actual.startsWith(expected.start)).toBe(true);
  expect(actual.endsWith(expected.end)).toBe(true);
  expect(sha16(actual)).toBe(expected.sha);
}

function checkSummary(s: Summary, e: Expectation): void {
  expect(s.errors).toEqual([]);
  expect(s.violations).toEqual([]);
  checkText(s.text, e.text);
  checkText(s.reasoning, e.reasoning);
  expect(s.toolCalls).toEqual(e.toolCalls ?? []);
  expect(s.finish).toEqual(e.finish);
  expect(s.usage).toEqual(e.usage);
  if (e.start) expect(s.start).toMatchObject(e.start);
  e.check?.(s);
}

const encoder = new TextEncoder();

describe('recorded provider streams', () => {
  it('has an expectation for every fixture file', () => {
    const covered = new Set([...Object.keys(STREAMS), ...Object.keys(BODIES), ...ERROR_BODIES, 'README.md']);
    expect(listFixtures().filter((f) => !covered.has(f) && f !== 'README.md')).toEqual([]);
    expect(listFixtures().length).toBe(Object.keys(STREAMS).length + Object.keys(BODIES).length + ERROR_BODIES.length);
  });

  for (const [file, expected] of Object.entries(STREAMS)) {
    for (const kind of adaptersFor(file)) {
      describe(`${file} via ${kind}`, () => {
        const wire = frame(file);
        const bytes = encoder.encode(wire);

        it('parses the stream as sent', async () => {
          checkSummary(summarize(await parseWire(kind, [bytes])), expected);
        });

        it('parses it one byte at a time', async () => {
          checkSummary(summarize(await parseWire(kind, splitBytes(bytes, prng(1), 1))), expected);
        });

        it('parses it under random splits with keep-alives, pings and CRLF', async () => {
          const rand = prng(file.length * 7919 + kind.length);
          const sizes = [2, 3, 5, 16, 64, 4096];
          for (let iter = 0; iter < 24; iter++) {
            const rewired = inject(wire, {
              rand,
              comment: kind === 'openrouter' ? ': OPENROUTER PROCESSING' : ': keep-alive',
              ping: kind === 'anthropic',
              crlf: rand() < 0.5,
            });
            const pieces = splitBytes(encoder.encode(rewired), rand, sizes[iter % sizes.length]!);
            checkSummary(summarize(await parseWire(kind, pieces)), expected);
          }
        });

        it('reports a stream cut short as an error, never as a normal finish', async () => {
          // Cut just before the event that carries the finish reason: the terminal event never arrives.
          const marker = kind === 'anthropic' ? 'event: message_delta' : kind === 'gemini' ? '"finishReason"' : '"finish_reason":"';
          const cut = encoder.encode(wire.slice(0, wire.lastIndexOf('data: ', wire.indexOf(marker) + marker.length)));
          const s = summarize(await parseWire(kind, splitBytes(cut, prng(3), 9)));
          expect(s.finish).toBeUndefined();
          expect(s.errors).toEqual([expect.objectContaining({ code: 502, errorType: 'provider_unavailable', message: expect.stringContaining('stream ended before') })]);
          expect(s.violations).toEqual([]);
        });
      });
    }
  }

  for (const [file, e] of Object.entries(BODIES)) {
    it(`${file} (non-streaming) via ${e.kind}`, () => {
      const events = adapterFor(e.kind).parseResponse(JSON.parse(readFixture(file)), adapterRequest(e.kind, {}, { stream: false }));
      const s = summarize(events);
      expect(s.errors).toEqual([]);
      expect(s.violations).toEqual([]);
      checkText(s.text, e.text);
      expect(s.finish).toEqual(e.finish);
      expect(s.usage).toEqual(e.usage);
    });
  }

  it('google/google-429-retry-info.json becomes a retryable 429 with the RetryInfo delay', () => {
    const err = parseErrorResponse(429, new Headers(), readFixture('google/google-429-retry-info.json'), 'Google AI Studio');
    expect(err).toEqual({
      code: 429,
      status: 429,
      message: 'Google AI Studio returned HTTP 429: You exceeded your current quota, please check your plan.',
      errorType: 'rate_limit_exceeded',
      retryAfterMs: 34_400,
      providerCode: 'RESOURCE_EXHAUSTED',
    });
  });
});
