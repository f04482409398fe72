/**
 * A further API process of the exam-day bench's distributed set: what a deployment runs as another replica of
 * `tessera start --role api` behind its load balancer (the kernel's startProcess with TESSERA_ROLES=api and
 * the assessment service, plus the bench's naive route), on the backends the bench's first API process
 * created (its environment names them). The load generator sends it its share of the requests.
 */
import { assessmentService } from '@tessera/assessment';
import { loadConfig, startProcess } from '@tessera/platform';
import { runChild, tellParent } from '../kernel/child-runtime.js';
import { UNREACHABLE_LIMIT } from '../kernel/platform.js';
import { naiveModule } from './naive-module.js';

runChild(async () => {
  const config = loadConfig({
    ...process.env,
    TESSERA_ROLES: 'api',
    TESSERA_SERVICES: `${assessmentService.name},${naiveModule.name}`,
    HOST: '127.0.0.1',
    PORT: '0',
    TESSERA_DATA_DIR: 'memory://',
    LOG_LEVEL: 'warn',
    // As the first API process's: the limiter is exercised but never trips.
    RATE_LIMIT_USER_PER_MINUTE: UNREACHABLE_LIMIT,
    RATE_LIMIT_TENANT_PER_MINUTE: UNREACHABLE_LIMIT,
  });
  const running = await startProcess({ config, modules: [assessmentService, naiveModule] });
  const { platform } = running;
  if (!running.url) throw new Error('The API replica did not listen');
  await tellParent({ type: 'ready', url: running.url, authorization: null, backends: `${platform.db.kind} · ${platform.bus.kind} bus · ${platform.cache.kind} cache` });
  return () => running.stop();
});
