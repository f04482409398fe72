/** Child process running the event pipeline (producers, relay, bus, consumer) on isolated backends. */
import { runChild, tellParent } from './child-runtime.js';
import { echoModule } from './echo-module.js';
import { measureEvents, type EventRunSpec } from './events.js';
import { openBenchPlatform } from './platform.js';

const spec = JSON.parse(process.argv[2] ?? '{}') as EventRunSpec;

runChild(async () => {
  // The echo module owns the `bench` name, which is also the stream the bench events go to.
  const bench = await openBenchPlatform([echoModule]);
  try {
    const figures = await measureEvents(bench.platform, bench.backends, spec);
    await tellParent({ type: 'events', figures });
  } catch (error) {
    await bench.close();
    throw error;
  }
  return () => bench.close();
});
