// A TCP relay between the app and the test PostgreSQL that can fail the way a database does
// in production, without touching the database itself: `freeze` is a network partition (the
// sockets stay open, no byte gets through, no answer ever comes), `kill` is a server that is
// down (open connections reset, new ones refused), `heal` brings it back.
import net from 'node:net';

export interface FaultProxy {
  /** host:port to connect to instead of the database. */
  via: string;
  freeze(): void;
  kill(): Promise<void>;
  heal(): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket | null;
}

export async function faultProxy(target: { host: string; port: number }): Promise<FaultProxy> {
  let state: 'open' | 'frozen' | 'killed' = 'open';
  const pairs = new Set<Pair>();

  const flow = (pair: Pair) => {
    if (!pair.upstream) {
      pair.upstream = net.connect(target.port, target.host);
      pair.upstream.on('error', () => pair.client.destroy());
      pair.upstream.on('close', () => pair.client.destroy());
    }
    pair.client.pipe(pair.upstream);
    pair.upstream.pipe(pair.client);
  };
  const stall = (pair: Pair) => {
    pair.client.unpipe();
    pair.client.pause();
    pair.upstream?.unpipe();
    pair.upstream?.pause();
  };

  const server = net.createServer((client) => {
    const pair: Pair = { client, upstream: null };
    pairs.add(pair);
    client.on('error', () => pair.upstream?.destroy());
    client.on('close', () => {
      pair.upstream?.destroy();
      pairs.delete(pair);
    });
    // A partition accepts the handshake's first packet and then nothing: the connection is
    // held open, unanswered, until the client gives up.
    if (state === 'frozen') client.pause();
    else flow(pair);
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;

  return {
    via: `127.0.0.1:${port}`,
    freeze() {
      state = 'frozen';
      for (const pair of pairs) stall(pair);
    },
    async kill() {
      state = 'killed';
      const closed = stopListening();
      for (const pair of pairs) {
        pair.client.resetAndDestroy();
        pair.upstream?.destroy();
      }
      await closed;
    },
    async heal() {
      if (state === 'killed') await listen(port);
      state = 'open';
      for (const pair of pairs) flow(pair);
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream?.destroy();
      }
      if (server.listening) await stopListening();
    },
  };
}
