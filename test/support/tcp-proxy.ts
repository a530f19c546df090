import { createConnection, createServer, Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay in front of the e2e PostgreSQL, so a test can make the real database freeze or go
 * away for one app instance without touching the server the other tests use.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private frozen = false;
  private refusing = false;

  private constructor(private readonly server: Server) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = createServer();
    const proxy = new TcpProxy(server);
    server.on('connection', (client) => proxy.relay(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Connections stay open but nothing passes either way: a server that no longer answers. */
  freeze(): void {
    this.frozen = true;
  }

  /** Drops every connection and refuses new ones until restore(): a server that restarts. */
  cut(): void {
    this.refusing = true;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.refusing = false;
  }

  /** Drops every connection and refuses new ones: a server that is gone. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, target: { host: string; port: number }): void {
    if (this.refusing) {
      client.destroy();
      return;
    }
    const upstream = createConnection(target);
    const pair = [client, upstream];
    for (const s of pair) {
      this.sockets.add(s);
      // Whichever side ends, both go, so a closing pool is not left waiting on a frozen relay.
      s.on('close', () => pair.forEach((o) => o.destroy()));
      s.on('error', () => pair.forEach((o) => o.destroy()));
      s.on('end', () => pair.forEach((o) => o.destroy()));
    }
    client.on('data', (d) => this.frozen || upstream.write(d));
    upstream.on('data', (d) => this.frozen || client.write(d));
  }
}
