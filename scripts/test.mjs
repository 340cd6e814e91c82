// `npm test`: the build beside the unit tests (neither reads what the other writes), then typecheck beside lint,
// then the end-to-end tests against that build on their own. The e2e files drive Chromium and host processes on
// real time; with the two single-threaded checks beside them on a 2-core machine, a different e2e test timed out in
// each of several runs, so they run on a quiet machine and the suite takes about a minute longer. A job that runs
// beside others has its output held and printed whole when it ends, so the log reads as if they ran one after
// another. The first stage that fails stops the run, with that job's exit code.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const stages = [
  [
    { name: 'build', cmd: 'npm', args: ['run', '--silent', 'build'] },
    { name: 'unit tests', cmd: bin('vitest'), args: ['run', '--project', 'node', '--project', 'node-isolated', '--project', 'renderer'] },
  ],
  [
    { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', '.'] },
    { name: 'lint', cmd: bin('eslint'), args: ['.'] },
  ],
  [{ name: 'end-to-end tests', cmd: bin('vitest'), args: ['run', '--project', 'e2e'] }],
];

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

/** Runs one job; alone it writes straight to the terminal, beside others its output is held until it ends. */
function run(job, alone) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(job.cmd, job.args, { cwd: root, stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const held = [];
    child.stdout?.on('data', (b) => held.push(b));
    child.stderr?.on('data', (b) => held.push(b));
    let ended = false;
    const end = (status) => {
      if (ended) return;
      ended = true;
      const output = Buffer.concat(held).toString();
      process.stdout.write(`\n── ${job.name}: ${status === 0 ? 'passed' : `FAILED (exit ${status})`} in ${seconds(started)} s\n`);
      if (output.trim() !== '') process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      resolve(status);
    };
    child.on('error', (err) => {
      held.push(Buffer.from(`${err.message}\n`));
      end(1);
    });
    child.on('close', (code, signal) => end(code ?? (signal ? 1 : 0)));
  });
}

const started = performance.now();
for (const stage of stages) {
  if (stage.length > 1) console.log(`\n── running ${stage.map((j) => j.name).join(', ')} side by side…`);
  else console.log(`\n── ${stage[0].name}…`);
  const codes = await Promise.all(stage.map((job) => run(job, stage.length === 1)));
  const failed = codes.find((c) => c !== 0);
  if (failed !== undefined) {
    console.log(`\nnpm test failed after ${seconds(started)} s.`);
    process.exit(failed);
  }
}
console.log(`\nnpm test passed in ${seconds(started)} s.`);
