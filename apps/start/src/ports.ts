import net from 'node:net';

/** Whether nothing listens on `host:port`: we try to bind it ourselves and let go at once. */
export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export interface PortNeed {
  /** What needs it, e.g. "the API". */
  what: string;
  port: number;
  flag: string;
  envName: string;
}

/** One message per taken port, naming it and how to choose another. */
export async function takenPorts(needs: PortNeed[], host: string): Promise<string[]> {
  const problems: string[] = [];
  for (const need of needs) {
    if (!(await isPortFree(need.port, host))) {
      problems.push(
        `Port ${need.port} (${need.what}) on ${host} is taken: stop what uses it, or pick another port with ` +
          `${need.flag} N (npm start -- ${need.flag} N) or ${need.envName}=N.`,
      );
    }
  }
  return problems;
}

/**
 * `count` distinct ports the operating system says are free now (for tests and temporary stacks). Every listener
 * stays open until all are bound, so the kernel cannot hand the same port out twice: asking one port at a time
 * can return the same number twice in a row, since a closed port is free again at once.
 */
export async function freePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      servers.push(server);
      ports.push(
        await new Promise<number>((resolve, reject) => {
          server.once('error', reject);
          server.listen({ port: 0, host }, () => {
            const address = server.address();
            resolve(typeof address === 'object' && address ? address.port : 0);
          });
        }),
      );
    }
    return ports;
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** One port the operating system says is free now. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const [port] = await freePorts(1, host);
  return port!;
}
