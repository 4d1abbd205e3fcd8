import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of a database, that can play its outage: `cut()` drops every connection and refuses new ones
 * (as a database that went away, or a network partition), `resume()` lets connections through again. The database
 * itself — a shared one in the tests — stays up and untouched.
 */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

/** Starts relaying 127.0.0.1:<free port> to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = createConnection(target);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  };
  const stop = async () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise((resolve) => closing.close(resolve));
  };
  await listen();
  return {
    port,
    cut: stop,
    resume: async () => {
      if (!server) await listen();
    },
    close: stop,
  };
}
