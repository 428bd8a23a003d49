import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, freePorts, isPortFree, takenPorts } from './ports.ts';

const servers: net.Server[] = [];

function occupy(port: number): Promise<void> {
  const server = net.createServer();
  servers.push(server);
  return new Promise((resolve) => server.listen({ port, host: '127.0.0.1' }, () => resolve()));
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('port checks', () => {
  it('hands out distinct ports, each free once they are returned', async () => {
    const ports = await freePorts(20);
    expect(new Set(ports).size).toBe(20);
    for (const port of ports) expect(await isPortFree(port, '127.0.0.1')).toBe(true);
  });

  it('sees a free port as free and a listening one as taken', async () => {
    const port = await freePort();
    expect(await isPortFree(port, '127.0.0.1')).toBe(true);
    await occupy(port);
    expect(await isPortFree(port, '127.0.0.1')).toBe(false);
  });

  it('names each taken port with the flag and variable that choose another', async () => {
    const [taken, free] = (await freePorts(2)) as [number, number];
    await occupy(taken);
    const problems = await takenPorts(
      [
        { what: 'the API', port: taken, flag: '--api-port', envName: 'TUNEBOARD_API_PORT' },
        { what: 'the dashboard', port: free, flag: '--web-port', envName: 'TUNEBOARD_WEB_PORT' },
      ],
      '127.0.0.1',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`Port ${taken} (the API)`);
    expect(problems[0]).toContain('--api-port');
    expect(problems[0]).toContain('TUNEBOARD_API_PORT');
  });
});
