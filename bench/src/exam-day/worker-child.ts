/**
 * A grading worker of the exam-day bench's distributed set: the process a deployment runs with
 * `tessera start --role worker` (the kernel's startProcess with TESSERA_ROLES=worker and only the assessment
 * service), on the backends the bench's API process created (its environment names them). It runs
 * assessment's consumers, the exam queue among them; workers and the API process share the queue's durable
 * consumer, so they share its work.
 */
import { assessmentService } from '@tessera/assessment';
import { loadConfig, startProcess } from '@tessera/platform';
import { runChild, tellParent } from '../kernel/child-runtime.js';

runChild(async () => {
  const config = loadConfig({
    ...process.env,
    TESSERA_ROLES: 'worker',
    TESSERA_SERVICES: 'assessment',
    // Health and metrics only, on a port of the system's choosing; files (none are written) in memory.
    HOST: '127.0.0.1',
    PORT: '0',
    TESSERA_DATA_DIR: 'memory://',
    LOG_LEVEL: 'warn',
  });
  const running = await startProcess({ config, modules: [assessmentService] });
  const { platform } = running;
  await tellParent({ type: 'ready', url: running.url ?? '', authorization: null, backends: `${platform.db.kind} · ${platform.bus.kind} bus · ${platform.cache.kind} cache` });
  return () => running.stop();
});
