/**
 * The server process of the realtime and email benches: the notify service on isolated backends, listening on
 * loopback, with every role (its consumers, the outbox relay, its jobs), as `npm start` runs it. It answers the
 * parent's calls: make users (and announce them as identity does, for email), publish one graded event per user
 * through the bus it consumes, and report its own memory.
 */
import { buildHttpApp, startJobs, type RunningJobs, type Subscription } from '@tessera/platform';
import { notifyService } from '@tessera/notify';
import { runChild, tellParent } from '../kernel/child-runtime.js';
import { openBenchPlatform } from '../kernel/platform.js';
import { answerCalls } from '../exam-day/rpc.js';
import { readRss } from './memory.js';
import { NotifyUsers, type UsersSpec } from './users.js';

const log = (line: string) => console.log(`  · ${line}`);

runChild(async () => {
  const bench = await openBenchPlatform([notifyService]);
  const subscriptions: Subscription[] = [];
  let jobs: RunningJobs | undefined;
  const stopConsumers = async () => {
    for (const subscription of subscriptions) await subscription.drain().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
  };
  try {
    const { platform } = bench;
    const app = await buildHttpApp(platform, [notifyService]);
    for (const { spec, handler } of notifyService.consumers?.(platform) ?? []) subscriptions.push(await platform.bus.subscribe(spec, handler));
    platform.relay.start();
    jobs = startJobs(notifyService.jobs?.(platform) ?? [], platform.logger);
    let users: NotifyUsers | undefined;
    const current = (): NotifyUsers => {
      if (!users) throw new Error('call "users" first');
      return users;
    };
    answerCalls({
      users: async (spec: UsersSpec) => {
        users = await NotifyUsers.create(platform, spec, log);
        return users.described();
      },
      fanout: async () => current().publishGraded(),
      tell: async () => current().tellLive(),
      rss: async () => readRss(),
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    await tellParent({ type: 'ready', url, authorization: null, backends: bench.backends });
    return async () => {
      await app.close();
      await stopConsumers();
      await bench.close();
    };
  } catch (error) {
    await stopConsumers();
    await bench.close();
    throw error;
  }
});
