// A real SMTP server for tests and the bench (`smtp-server` on a free port): it keeps each
// message parsed (`mailparser`), and can be told to refuse, as a full or broken server does.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  port: number;
  received: ParsedMail[];
  /** Message-IDs (without brackets) in the order they arrived; raw, for counting repeats fast. */
  ids: string[];
  /** While true, every message is answered 451 and not kept. */
  refuse: boolean;
  close(): Promise<void>;
}

/** Starts a sink on `port` (0: a free one). `parse: false` keeps only the Message-IDs (the bench). */
export async function startSmtpSink(opts: { port?: number; parse?: boolean } = {}): Promise<SmtpSink> {
  const parse = opts.parse ?? true;
  const sink = { received: [] as ParsedMail[], ids: [] as string[], refuse: false } as SmtpSink;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (sink.refuse) {
          const err = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
          return callback(err);
        }
        const raw = Buffer.concat(chunks);
        const id = /^message-id:\s*<([^>\r\n]+)>/im.exec(raw.toString('latin1'))?.[1] ?? '';
        sink.ids.push(id);
        if (!parse) return callback();
        simpleParser(raw)
          .then((m) => {
            sink.received.push(m);
            callback();
          })
          .catch((e: Error) => callback(e));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  // A client killed mid-message resets its connection: that is the client's failure, not the sink's.
  server.on('error', () => {});
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
