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

/** A port the operating system says is free now (for tests and temporary stacks). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
