import type { StoredStdioServer } from './stored-server';

/** One word as a POSIX shell would need it written: bare when it is plain, single-quoted otherwise. */
function quote(word: string): string {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The exact command line a stdio server runs, as shown for confirmation: the environment variables it sets (by
 * name; their values are secret), the program and its arguments, and the folder it runs in. Any change to
 * these makes a new line, which needs a new confirmation. */
export function commandLine(server: Pick<StoredStdioServer, 'command' | 'args' | 'cwd' | 'env'>): string {
  const env = server.env.map((e) => `${e.name}=••••`);
  const line = [...env, quote(server.command), ...server.args.map(quote)].join(' ');
  return server.cwd ? `(cd ${quote(server.cwd)} && ${line})` : line;
}
