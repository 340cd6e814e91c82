import type { McpCallResult, McpServerSummary, McpTool } from '../../../shared/contract/mcp';
import type { McpServerSave, McpServerStore } from './server-store';
import type { StoredServer } from './stored-server';
import { commandLine } from './command-line';
import { connectHttp, connectStdio, type Connection } from './connect';
import { describeMcpError } from './describe-error';
import { toCallResult, RESULT_CAP_BYTES } from './call-result';
import { createStderrTail } from './stderr-tail';

/** A tool call or start that could not be done, with the reason in words (the server's name first). */
export class McpToolError extends Error {
  override name = 'McpToolError';
  constructor(
    message: string,
    readonly kind: 'not-found' | 'refused' | 'failed',
  ) {
    super(message);
  }
}

interface Runtime {
  status: 'stopped' | 'starting' | 'ready' | 'failed';
  error?: string;
  tools: McpTool[];
  connection?: Connection;
  starting?: Promise<Connection>;
  stderr?: Connection['stderr'];
  /** The calls waiting for an answer: a lost connection or a stop ends them at once, with the reason. */
  inFlight: Set<AbortController>;
  /** Bumped on every start and stop, so a late callback from an older connection changes nothing. */
  generation: number;
}

export interface McpManagerOptions {
  store: McpServerStore;
  version: string;
  onChange: (servers: McpServerSummary[]) => void;
  startTimeoutMs?: number;
  callTimeoutMs?: number;
  resultCapBytes?: number;
}

const MAX_TOOLS = 1000;

function lastLines(lines: string[] | undefined, n: number): string {
  const tail = (lines ?? []).filter((l) => l.trim()).slice(-n);
  return tail.length ? `; its last stderr lines: ${tail.join(' ⏎ ').slice(-1000)}` : '';
}

/** Runs the MCP servers of the store: each starts when first needed (a stdio one only after its command line was
 * confirmed), reports its state, and fails alone: a server that hangs, crashes or breaks the protocol never
 * blocks another one or main. */
export function createMcpManager(opts: McpManagerOptions) {
  const { store } = opts;
  const startTimeoutMs = opts.startTimeoutMs ?? 30_000;
  const callTimeoutMs = opts.callTimeoutMs ?? 60_000;
  const runtimes = new Map<string, Runtime>();

  const runtime = (id: string): Runtime => {
    let rt = runtimes.get(id);
    if (!rt) runtimes.set(id, (rt = { status: 'stopped', tools: [], generation: 0, inFlight: new Set() }));
    return rt;
  };
  const changed = () => opts.onChange(list());
  const isConfirmed = (s: StoredServer) => s.transport !== 'stdio' || s.confirmedCommandLine === commandLine(s);

  function summary(s: StoredServer): McpServerSummary {
    const rt = runtimes.get(s.id);
    const confirmed = isConfirmed(s);
    let status: McpServerSummary['status'] = rt?.status ?? 'stopped';
    if (!s.enabled) status = 'disabled';
    else if (!confirmed && status === 'stopped') status = 'awaiting-confirmation';
    const base = { id: s.id, name: s.name, enabled: s.enabled, transport: s.transport, confirmed, status, tools: status === 'ready' ? (rt?.tools ?? []) : [] };
    const stderrTail = rt?.stderr?.lines();
    const state = {
      ...(status === 'failed' && rt?.error ? { error: rt.error } : {}),
      ...(stderrTail?.length && (status === 'failed' || status === 'ready') ? { stderrTail } : {}),
      ...(rt?.connection && status === 'ready' ? { connectedVia: rt.connection.via } : {}),
    };
    if (s.transport === 'stdio') {
      const env = s.env.map((e) => ({ name: e.name, set: true }));
      return { ...base, ...state, command: s.command, args: s.args, ...(s.cwd ? { cwd: s.cwd } : {}), env, commandLine: commandLine(s) };
    }
    return { ...base, ...state, url: s.url, headers: s.headers.map((h) => ({ name: h.name, set: true })) };
  }

  function list(): McpServerSummary[] {
    return store.list().map(summary);
  }

  function find(id: string): StoredServer {
    const s = store.get(id);
    if (!s) throw new McpToolError('No such MCP server', 'not-found');
    return s;
  }

  async function stop(id: string): Promise<void> {
    const rt = runtimes.get(id);
    if (!rt) return;
    rt.generation++;
    const conn = rt.connection;
    for (const call of rt.inFlight) call.abort(new Error('it was stopped'));
    runtimes.set(id, { status: 'stopped', tools: [], generation: rt.generation, inFlight: new Set() });
    await conn?.client.close().catch(() => undefined);
  }

  async function listAllTools(conn: Connection): Promise<McpTool[]> {
    const tools: McpTool[] = [];
    let cursor: string | undefined;
    do {
      const page = await conn.client.listTools(cursor ? { cursor } : {}, { timeout: startTimeoutMs });
      for (const t of page.tools) {
        tools.push({ name: t.name, ...(t.title ? { title: t.title } : {}), ...(t.description ? { description: t.description.slice(0, 10_000) } : {}), inputSchema: t.inputSchema });
      }
      cursor = page.nextCursor;
    } while (cursor && tools.length < MAX_TOOLS);
    return tools.slice(0, MAX_TOOLS);
  }

  function begin(s: StoredServer): Promise<Connection> {
    const rt = runtime(s.id);
    const generation = ++rt.generation;
    const current = () => runtimes.get(s.id)?.generation === generation;
    const onLost = (reason: string) => {
      const now = runtimes.get(s.id);
      if (!now || now.generation !== generation || (now.status !== 'ready' && now.status !== 'starting')) return;
      now.status = 'failed';
      now.error = reason;
      now.tools = [];
      now.generation++; // a restart starts afresh
      for (const call of now.inFlight) call.abort(new Error(reason));
      void now.connection?.client.close().catch(() => undefined);
      changed();
    };
    const unsealed = store.unsealed(s.id)!;
    rt.stderr = unsealed.transport === 'stdio' ? createStderrTail() : null;
    const connectOpts = { timeoutMs: startTimeoutMs, version: opts.version, onLost, ...(rt.stderr ? { stderr: rt.stderr } : {}) };
    const starting = (async () => {
      let conn: Connection | undefined;
      try {
        conn = unsealed.transport === 'stdio' ? await connectStdio(unsealed, connectOpts) : await connectHttp(unsealed, connectOpts);
        const tools = await listAllTools(conn);
        if (!current()) throw new McpToolError(`${s.name} was stopped while it started`, 'failed');
        Object.assign(rt, { status: 'ready', tools, connection: conn, starting: undefined, error: undefined });
        changed();
        return conn;
      } catch (err) {
        await conn?.client.close().catch(() => undefined);
        if (current()) {
          Object.assign(rt, { status: 'failed', tools: [], starting: undefined, connection: undefined, error: `It could not start: ${describeMcpError(err, startTimeoutMs, unsealed.transport === 'stdio' ? 'its process ended before it answered' : undefined)}` });
          changed();
        }
        throw err instanceof McpToolError ? err : new McpToolError(`${s.name}: ${rt.error ?? describeMcpError(err, startTimeoutMs)}`, 'failed');
      }
    })();
    Object.assign(rt, { status: 'starting', starting, error: undefined, tools: [] });
    changed();
    return starting;
  }

  /** The server's connection, starting it if needed. Refuses a disabled or unconfirmed server, and a failed one
   * (it waits for a restart, so a crash loop never runs by itself). */
  async function ready(id: string): Promise<Connection> {
    const s = find(id);
    if (!s.enabled) throw new McpToolError(`${s.name} is disabled`, 'refused');
    if (!isConfirmed(s)) throw new McpToolError(`${s.name} has not been started before: confirm its command line first (${commandLine(s as Extract<StoredServer, { transport: 'stdio' }>)})`, 'refused');
    const rt = runtime(id);
    if (rt.status === 'ready' && rt.connection) return rt.connection;
    if (rt.status === 'starting' && rt.starting) return rt.starting;
    if (rt.status === 'failed') throw new McpToolError(`${s.name} failed (${rt.error ?? 'unknown'}): restart it`, 'refused');
    return begin(s);
  }

  return {
    list,
    summary: (id: string) => summary(find(id)),
    async save(input: McpServerSave): Promise<McpServerSummary> {
      const saved = store.save(input);
      await stop(saved.id); // the next use starts it with the new settings
      changed();
      return summary(saved);
    },
    async remove(id: string): Promise<boolean> {
      await stop(id);
      runtimes.delete(id);
      const removed = store.remove(id);
      if (removed) changed();
      return removed;
    },
    async setEnabled(id: string, enabled: boolean): Promise<McpServerSummary> {
      find(id);
      if (!enabled) await stop(id);
      const saved = store.setEnabled(id, enabled)!;
      changed();
      return summary(saved);
    },
    confirm(id: string, shown: string): McpServerSummary {
      const s = find(id);
      if (s.transport !== 'stdio') throw new McpToolError(`${s.name} is not a command: there is nothing to confirm`, 'refused');
      if (!store.confirm(id, shown)) throw new McpToolError(`${s.name}'s command line has changed since it was shown: review it again`, 'refused');
      changed();
      return summary(find(id));
    },
    /** Starts the server if it is not running; resolves with its state, failed included. */
    async start(id: string): Promise<McpServerSummary> {
      await ready(id).catch((err: unknown) => {
        if (err instanceof McpToolError && err.kind !== 'failed') throw err;
      });
      return summary(find(id));
    },
    async restart(id: string): Promise<McpServerSummary> {
      find(id);
      await stop(id);
      return this.start(id);
    },
    async callTool(id: string, tool: string, args: Record<string, unknown>, call: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<McpCallResult> {
      const conn = await ready(id);
      const s = find(id);
      const rt = runtime(id);
      const timeoutMs = call.timeoutMs ?? callTimeoutMs;
      const started = performance.now();
      const ac = new AbortController();
      const forward = () => ac.abort(call.signal?.reason);
      call.signal?.addEventListener('abort', forward, { once: true });
      rt.inFlight.add(ac);
      try {
        const raw = await conn.client.callTool({ name: tool, arguments: args }, undefined, { timeout: timeoutMs, signal: ac.signal });
        return toCallResult(raw, performance.now() - started, opts.resultCapBytes ?? RESULT_CAP_BYTES, tool);
      } catch (err) {
        // Let the process's last stderr lines arrive before they are quoted.
        await new Promise((r) => setTimeout(r, 20));
        const why = call.signal?.aborted ? 'it was cancelled' : rt.status === 'failed' && rt.error ? rt.error : describeMcpError(err, timeoutMs);
        const stopped = !call.signal?.aborted && ac.signal.aborted && rt.status !== 'failed' ? 'it was stopped' : undefined;
        throw new McpToolError(`${s.name}: the call to ${tool.slice(0, 80)} failed: ${stopped ?? why}${rt.status === 'failed' ? lastLines(rt.stderr?.lines(), 5) : ''}`, 'failed');
      } finally {
        rt.inFlight.delete(ac);
        call.signal?.removeEventListener('abort', forward);
      }
    },
    /** Stops every server (on quit). */
    async close(): Promise<void> {
      await Promise.all([...runtimes.keys()].map((id) => stop(id)));
    },
  };
}

export type McpManager = ReturnType<typeof createMcpManager>;
