/**
 * The exam-day bench's submit load, in a process of its own (as the students' browsers are not the server):
 * it fires the planned submits at a steady rate over keep-alive connections to loopback and reports what came
 * back, with the submission id of every accepted submit.
 */
import { runChild, tellParent } from '../kernel/child-runtime.js';
import { runLoad, type LoadFigures } from './http-load.js';
import { answerCalls } from './rpc.js';

export interface SubmitPlan {
  /** Every API process: see LoadSpec.urls. */
  urls: string[];
  rate: number;
  connections: number;
  timeoutMs: number;
  /** Per submit: its path, and indexes into `authorizations` and `bodies` (one sheet serves many students). */
  requests: Array<[path: string, who: number, body: number]>;
  authorizations: string[];
  bodies: string[];
}

export interface SubmitFigures extends LoadFigures {
  /** Submission ids of the 2xx answers. */
  acceptedIds: string[];
}

runChild(async () => {
  answerCalls({ run: async (plan: SubmitPlan) => submit(plan) });
  await tellParent({ type: 'ready', url: '', authorization: null, backends: 'load generator' });
  return async () => undefined;
});

async function submit(plan: SubmitPlan): Promise<SubmitFigures> {
  const acceptedIds: string[] = [];
  const figures = await runLoad({
    urls: plan.urls, count: plan.requests.length, rate: plan.rate, connections: plan.connections, timeoutMs: plan.timeoutMs,
    request: (index) => {
      const [path, who, body] = plan.requests[index] as [string, number, number];
      return { method: 'POST', path, headers: { authorization: plan.authorizations[who] as string }, body: plan.bodies[body] as string };
    },
    onAnswer: (_index, status, body) => {
      if (status < 200 || status >= 300) return;
      const id = (JSON.parse(body) as { submissionId?: unknown }).submissionId;
      if (typeof id === 'string') acceptedIds.push(id);
    },
  });
  return { ...figures, acceptedIds };
}
