// A real webhook receiver for tests: a Node http server on a free port of 127.0.0.1 that keeps
// every request (headers and the exact body bytes) and answers the status codes it is told to.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface Receiver {
  url: (path?: string) => string;
  received: Received[];
  /** The statuses of the next answers, in order; after them, `fallback`. */
  answer: (...statuses: number[]) => void;
  fallback: number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const queue: number[] = [];
  const received: Received[] = [];
  const receiver = { fallback: 200 } as Receiver;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      received.push({ path: req.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = queue.shift() ?? receiver.fallback;
      res.writeHead(status, status >= 300 && status < 400 ? { location: receiver.url('/elsewhere') } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    received,
    answer: (...statuses: number[]) => void queue.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
