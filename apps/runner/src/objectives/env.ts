// The only file under objectives/ that touches process.env: a command objective inherits the runner's
// environment (PATH, HOME, CUDA and Python settings), as any child process would.
export function inheritedEnv(): Record<string, string | undefined> {
  return { ...process.env };
}
