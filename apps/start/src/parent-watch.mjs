// Loaded with `node --import` into every process `npm start` launches (API, dashboard, runner). The launcher
// stops its children itself, in order; if it dies without doing so (SIGKILL, an out-of-memory kill), its
// children are re-parented. Each one notices within a second and stops itself the graceful way (SIGTERM: the
// runner gives its trials back, the API finishes its requests and closes the database), so no server is left
// holding a port or the data folder. Plain JavaScript: the dashboard's process runs without tsx.
const parent = process.ppid;
const timer = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(timer);
  process.kill(process.pid, 'SIGTERM');
}, 1_000);
timer.unref();
