// `workdiary-tracker --server URL --token TOKEN`: picks a contract, records its slots and
// uploads them, and reads the contractor's commands from stdin while it runs.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { probeInputHook, uiohookInput } from './activity.ts';
import { ApiError, createApi, NetworkError, type TrackerContract, type TrackerSession } from './api.ts';
import { captureScreen } from './capture.ts';
import { systemClock } from './clock.ts';
import { openDeviceKey, registerDeviceKey } from './device-key.ts';
import { writeFileAtomic } from './fs-atomic.ts';
import { openQueue } from './queue.ts';
import { systemRng } from './rng.ts';
import { contractLabel, formatStatus, slotLabel } from './status.ts';
import { createTracker } from './tracker.ts';
import { createUploader } from './uploader.ts';
import { windowTitleReader } from './window-title.ts';

const USAGE = `Usage: workdiary-tracker --server URL --token TOKEN [options]

Records 10-minute slots of your work for a workdiary contract (one screenshot at a random
moment of each slot, keyboard and mouse activity per minute) and uploads them.

Options:
  --server URL       the workdiary server, e.g. https://diary.example.com
  --token TOKEN      the tracker token from the dashboard's Trackers page (or env WORKDIARY_TOKEN)
  --contract ID      the contract to track (otherwise you pick one from a list)
  --memo TEXT        what you are working on (change it later with "memo …")
  --data-dir DIR     the upload queue and the last screenshot (default ~/.workdiary-tracker,
                     or env WORKDIARY_TRACKER_DIR)
  -h, --help         this help

Commands while it runs (type them and press Enter):
  memo TEXT          set the memo of the current and later slots
  pause / resume     stop and restart counting and screenshots
  switch N|ID        track another contract from the next slot (the current slot ends now)
  discard            drop the last screenshot and its slot (within 60 s of the screenshot)
  status             show the status line
  quit               end the current slot, upload what can be, and exit
`;

const COMMANDS = 'Commands: memo TEXT · pause · resume · switch N|ID · discard · status · quit';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

const defaultIo: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      server: { type: 'string' },
      token: { type: 'string' },
      contract: { type: 'string' },
      memo: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

/** `n` (1-based, from the list) or a contract id. */
export function findContract(contracts: readonly TrackerContract[], ref: string): TrackerContract | null {
  const r = ref.trim();
  if (/^\d+$/.test(r)) return contracts[Number(r) - 1] ?? null;
  return contracts.find((c) => c.id === r) ?? null;
}

const listContracts = (contracts: readonly TrackerContract[]) =>
  contracts.map((c, i) => `  ${String(i + 1).padStart(2)}. ${c.title} — ${c.companyName}${c.manualTimeAllowed ? ' (manual time allowed)' : ''}  [${c.id}]`).join('\n');

interface CachedSession {
  server: string;
  session: TrackerSession;
}

export async function main(argv: string[] = process.argv.slice(2), io: CliIo = defaultIo): Promise<number> {
  const out = (line: string) => void io.stdout.write(`${line}\n`);
  const err = (line: string) => void io.stderr.write(`${line}\n`);
  const fail = (line: string): number => {
    err(line);
    return 1;
  };

  let opts: ReturnType<typeof parse>;
  try {
    opts = parse(argv);
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    out(USAGE);
    return 0;
  }
  const token = opts.token ?? io.env.WORKDIARY_TOKEN;
  if (!opts.server || !token) {
    err(`${!opts.server ? '--server is required' : '--token (or WORKDIARY_TOKEN) is required'}.\n\n${USAGE}`);
    return 2;
  }
  let api;
  try {
    api = createApi({ server: opts.server, token });
  } catch {
    err(`--server ${opts.server} is not a URL (like https://diary.example.com).`);
    return 2;
  }
  const dataDir = path.resolve(opts['data-dir'] ?? io.env.WORKDIARY_TRACKER_DIR ?? path.join(os.homedir(), '.workdiary-tracker'));
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const device = await openDeviceKey(dataDir, token).catch((e: Error) => e);
  if (device instanceof Error) return fail(device.message);

  const hookProblem = probeInputHook(io.env);
  if (hookProblem) {
    err(hookProblem);
    return 1;
  }

  // Who the token belongs to, and the contracts to pick from; offline, the last list known.
  const cachePath = path.join(dataDir, 'session.json');
  let contracts: TrackerContract[];
  try {
    const session = await api.session();
    contracts = session.contracts;
    out(`Signed in as ${session.user.name} <${session.user.email}> on "${session.device.name}" at ${api.server}.`);
    const skew = Date.parse(session.now) - Date.now();
    if (Math.abs(skew) > 60_000) err(`Warning: this computer's clock is ${Math.round(skew / 1000)} s off the server's. Slots are cut by this clock; set it right (NTP) or uploads may be refused.`);
    await writeFileAtomic(cachePath, JSON.stringify({ server: api.server, session } satisfies CachedSession));
    // Once per token (offline, the uploader registers it before the first upload).
    const key = await registerDeviceKey(api, device);
    if (key.kind === 'refused') return fail(key.reason);
  } catch (e) {
    if (e instanceof ApiError) {
      err(e.status === 401 ? `The server refused the token: ${e.detail}` : `The server answered ${e.status}: ${e.detail}`);
      return 1;
    }
    if (!(e instanceof NetworkError)) throw e;
    const cached = await fs
      .readFile(cachePath, 'utf8')
      .then((t) => JSON.parse(t) as CachedSession)
      .catch(() => null);
    if (cached?.server === api.server) {
      contracts = cached.session.contracts;
      err(`${e.message}. Working offline with the contracts known from the last start; slots upload when the server is back.`);
    } else if (opts.contract) {
      contracts = [{ id: opts.contract, title: 'Contract', companyName: 'unknown (offline)', timeZone: 'UTC', status: 'active', manualTimeAllowed: false }];
      err(`${e.message}. Working offline; slots upload when the server is back.`);
    } else {
      err(`${e.message}, and no contract list is known yet: start once while the server is reachable, or pass --contract ID.`);
      return 1;
    }
  }
  if (!contracts.length) {
    err('You have no active contracts on this server: a client has to start one with you first.');
    return 1;
  }

  const rl = readline.createInterface({ input: io.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const nextLine = async () => {
    const r = await lines.next();
    return r.done ? null : r.value;
  };

  let contract: TrackerContract | null;
  if (opts.contract) {
    contract = contracts.find((c) => c.id === opts.contract) ?? null;
    if (!contract) {
      err(`--contract ${opts.contract} is not one of your active contracts:\n${listContracts(contracts)}`);
      rl.close();
      return 1;
    }
  } else if (contracts.length === 1) {
    contract = contracts[0]!;
    out(`Your one active contract: ${contractLabel(contracts, contract.id)}.`);
  } else {
    out(`Your active contracts:\n${listContracts(contracts)}`);
    contract = null;
    while (!contract) {
      io.stdout.write(`Pick one (1–${contracts.length}): `);
      const answer = await nextLine();
      if (answer === null) {
        err('\nNo contract picked.');
        rl.close();
        return 1;
      }
      contract = findContract(contracts, answer);
      if (!contract) out(`"${answer.trim()}" is not on the list.`);
    }
  }

  const clock = systemClock((e) => err(`! ${(e as Error).message}`));
  const queue = await openQueue(dataDir);
  const log = (line: string) => out(`[${new Date(clock.now()).toISOString().slice(11, 19)}] ${line}`);
  const uploader = createUploader({
    clock,
    rng: systemRng,
    api,
    queue,
    device,
    onEvent: (e) => {
      if (e.type === 'uploaded') log(`Uploaded ${slotLabel(Date.parse(e.entry.start))} (${e.status === 200 ? 'already there' : 'stored'}); ${queue.size} queued.`);
      else if (e.type === 'retry') log(`Upload of ${slotLabel(Date.parse(e.entry.start))} failed: ${e.reason}. Next try in ${Math.round(e.waitMs / 1000)} s; ${queue.size} queued.`);
      else if (e.type === 'rejected') log(`The server refused the slot ${slotLabel(Date.parse(e.entry.start))} (${e.reason}); moved to ${queue.rejectedDir}.`);
      else if (e.type === 'unauthorized') log(`! ${e.reason}`);
    },
  });
  const tracker = createTracker({
    clock,
    rng: systemRng,
    queue,
    uploader,
    input: uiohookInput(),
    capture: captureScreen,
    windowTitle: windowTitleReader(),
    dataDir,
    contractId: contract.id,
    memo: opts.memo,
    log,
  });
  if (queue.size) out(`${queue.size} slot(s) from an earlier run wait in ${queue.dir}; uploading them.`);
  await tracker.start();
  out(`Tracking ${contractLabel(contracts, contract.id)}. Data in ${dataDir}.\n${COMMANDS}`);
  const status = () => out(formatStatus(tracker.status(), contracts, clock.now()));
  status();

  let quitting: Promise<number> | null = null;
  const quit = () =>
    (quitting ??= (async () => {
      await tracker.stop();
      uploader.wake();
      // Give uploads a moment; whatever is left waits on disk for the next start.
      await Promise.race([uploader.settled(), new Promise((r) => setTimeout(r, 15_000))]);
      uploader.stop();
      rl.close();
      const left = queue.size;
      out(left ? `${left} slot(s) wait in ${queue.dir}; they upload the next time the tracker runs.` : 'Everything is uploaded.');
      return 0;
    })());
  let signalled: (() => void) | null = null;
  const SIGNAL = Symbol('signal');
  const signal = new Promise<typeof SIGNAL>((resolve) => (signalled = () => resolve(SIGNAL)));
  process.once('SIGINT', () => signalled?.());
  process.once('SIGTERM', () => signalled?.());

  let stdinOpen = true;
  for (;;) {
    const line = stdinOpen ? await Promise.race([nextLine(), signal]) : await signal;
    if (line === SIGNAL) return quit();
    if (line === null) {
      stdinOpen = false;
      out('stdin is closed: commands are off. Stop the tracker with Ctrl-C (or SIGTERM).');
      continue;
    }
    const [cmd = '', ...rest] = line.trim().split(/\s+/);
    const arg = line.trim().slice(cmd.length).trim();
    switch (cmd.toLowerCase()) {
      case '':
        break;
      case 'memo':
        out(tracker.setMemo(arg));
        break;
      case 'pause':
        out(tracker.pause());
        break;
      case 'resume':
        out(tracker.resume());
        break;
      case 'switch': {
        const target = findContract(contracts, rest.join(' '));
        if (!target) out(`Switch to which contract? Give its number or id:\n${listContracts(contracts)}`);
        else out(`${await tracker.switchTo(target.id)} Now: ${contractLabel(contracts, target.id)}.`);
        break;
      }
      case 'discard':
        out(await tracker.discard());
        break;
      case 'status':
        status();
        break;
      case 'quit':
      case 'exit':
        return quit();
      case 'help':
        out(COMMANDS);
        break;
      default:
        out(`Unknown command "${cmd}". ${COMMANDS}`);
    }
  }
}
