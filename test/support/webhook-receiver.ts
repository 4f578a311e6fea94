import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

/** A webhook endpoint for tests: records what it receives, answers `status` after `delayMs`; down until started. */
export class WebhookReceiver {
  readonly received: { headers: IncomingHttpHeaders; body: string; status: number }[] = [];
  status = 200;
  delayMs = 0;
  private server?: Server;

  constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks/pipeline`;
  }

  /** Requests answered 2xx. */
  get accepted() {
    return this.received.filter((request) => request.status >= 200 && request.status < 300);
  }

  start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const status = this.status;
        setTimeout(() => {
          this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), status });
          response.writeHead(status).end();
        }, this.delayMs);
      });
    });
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
