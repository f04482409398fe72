import { randomBytes } from 'node:crypto';
import { seedAdaptive, type SeededAdaptive } from './adaptive-seed.js';
import { bearer, expectStatus, type Api } from './api.js';
import { seedAssessment, type SeededAssessment } from './assessment-seed.js';
import { seedAnnouncement, seedNotification, seedPushSubscription } from './notify-seed.js';
import { seedBilling, type SeededBilling } from './billing-seed.js';
import type { SeededUser } from './seed.js';

/** A published course with the ids of what it holds. */
export interface SeededCourse {
  id: string;
  title: string;
  /** Words of its lessons' text: found again in anything that serves its content. */
  text: string;
}

/** A tenant's catalog, enrollment and assessment objects, made through the API by its instructor, admin and second student. */
export interface SeededLearning {
  skill: { id: string; name: string };
  item: { id: string; title: string; stem: string };
  media: { id: string; sha256: string };
  /** Tenant-only: members see it, the public catalog never. Enrolled in by the second student. */
  course: SeededCourse & { moduleId: string; moduleTitle: string; lessonIds: string[]; lessonTitles: string[]; blockIds: string[] };
  /** Listed in the public catalog across tenants, by design. */
  publicCourse: SeededCourse & { staffIds: string[] };
  /** Published, reachable by link only: never in any catalog. */
  unlistedCourse: SeededCourse;
  /** The second student's adaptive practice in `course`. */
  adaptive: SeededAdaptive;
  /** The second student's enrollment in `course`, with one lesson completed. */
  enrollment: { id: string };
  /** An exam of `course` built from `item`, and the second student's graded attempt at it. */
  assessment: SeededAssessment;
  /** One of the second student's notifications (of the enrollment or the graded exam). */
  notification: { id: string };
  /** The second student's push subscription (a browser of theirs). */
  pushSubscription: { id: string; endpoint: string };
  /** The instructor's scheduled announcement to `course`. */
  announcement: { id: string };
  /** A paid course the second student bought (then refunded in part), and a coupon. */
  billing: SeededBilling;
}

/** Who of the tenant takes part. */
export interface LearningCast {
  label: string;
  admin: SeededUser;
  instructor: SeededUser;
  classmate: SeededUser;
  etags: Map<string, string>;
  idempotencyKeys: Map<string, string>;
}

const tag = () => randomBytes(4).toString('hex');
// A 4 × 4 PNG (made with sharp): the smallest upload the media service decodes and thumbnails.
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEElEQVQImWMwTjsDRwzEcQA64hZR6ypPHQAAAABJRU5ErkJggg==',
  'base64',
);
const POLL = { attempts: 600, intervalMs: 25 };

/**
 * Authors and publishes a tenant's catalog as its instructor (a reviewer approves the main course), sets its
 * enrollment settings once enrollment has learnt of it from `catalog.course.published`, has the second
 * student enroll and complete a lesson, then take the course's exam. The relay and the consumers must be running.
 */
export async function seedLearning(api: Api, cast: LearningCast): Promise<SeededLearning> {
  const author = new Author(api, cast);
  const skill = await author.create<{ id: string; name: string }>('/api/v1/skills', { name: `Skill of ${cast.label} ${tag()}` });
  const item = await author.item(skill.id);
  const media = await author.media();
  const course = await author.mainCourse(skill.id, item.id, media.id);
  const publicCourse = await author.smallCourse('public');
  const unlistedCourse = await author.smallCourse('unlisted');
  await openEnrollment(api, cast, course.id);
  const enrollment = await enrollAndLearn(api, cast, course.id, course.lessonIds[0] ?? '');
  const assessment = await seedAssessment(api, cast, course.id, item.id);
  const adaptive = await seedAdaptive(api, cast.classmate, course.id, item.id);
  const notification = await seedNotification(api, cast.classmate);
  const pushSubscription = await seedPushSubscription(api, cast.classmate);
  const announcement = await seedAnnouncement(api, cast.instructor, course.id);
  const billing = await seedBilling(api, cast);
  await author.recordEtags([
    [`/api/v1/courses/${course.id}?view=draft`, course.id], [`/api/v1/modules/${course.moduleId}`, course.moduleId],
    ...course.lessonIds.map((id): [string, string] => [`/api/v1/lessons/${id}?view=draft`, id]),
    ...course.blockIds.map((id): [string, string] => [`/api/v1/blocks/${id}`, id]),
    [`/api/v1/skills/${skill.id}`, skill.id], [`/api/v1/items/${item.id}`, item.id],
  ]);
  return {
    skill, item, media, course, unlistedCourse, enrollment, assessment, adaptive, notification, pushSubscription, announcement, billing,
    // The public views name the tenant (where to enroll) but none of its staff.
    publicCourse: { ...publicCourse, staffIds: [] },
  };
}

/** The instructor's authoring steps. */
class Author {
  constructor(private readonly api: Api, private readonly cast: LearningCast) {}

  private get headers() {
    return bearer(this.cast.instructor.accessToken);
  }

  /** POSTs as the instructor; with `keyedAs`, under an Idempotency-Key the attackers later replay on that route. */
  async create<T>(url: string, body: unknown, keyedAs?: string): Promise<T> {
    const headers: Record<string, string> = { ...this.headers };
    if (keyedAs !== undefined) {
      headers['idempotency-key'] = `red-team-seed-${tag()}`;
      this.cast.idempotencyKeys.set(keyedAs, headers['idempotency-key']);
    }
    return (await expectStatus<T>(this.api, { method: 'POST', url, headers, body }, 201)).body;
  }

  async item(skillId: string) {
    const title = `Item of ${this.cast.label} ${tag()}`;
    const stem = `Stem of ${this.cast.label} ${tag()}`;
    const created = await this.create<{ id: string }>('/api/v1/items', {
      type: 'single_choice', title, stem: `<p>${stem}</p>`, skills: [skillId],
      options: [{ id: 'A', text: 'Right', correct: true }, { id: 'B', text: 'Wrong', correct: false }],
    }, '/api/v1/items');
    await expectStatus(this.api, { method: 'POST', url: `/api/v1/items/${created.id}/publish`, headers: this.headers }, 200);
    return { id: created.id, title, stem };
  }

  async media() {
    const { body } = await expectStatus<{ id: string; sha256: string }>(this.api, {
      method: 'POST', url: '/api/v1/media?filename=red-team.png', headers: { ...this.headers, 'content-type': 'image/png' }, body: TINY_PNG,
    }, 201);
    return { id: body.id, sha256: body.sha256 };
  }

  /** Two lessons (text, a question, a file), tagged with the skill; submitted by the instructor, approved by the admin. */
  async mainCourse(skillId: string, itemId: string, mediaId: string) {
    const label = this.cast.label;
    const title = `Course of ${label} ${tag()}`;
    const text = `Lesson text of ${label} ${tag()}`;
    const course = await this.create<{ id: string }>('/api/v1/courses', { title, visibility: 'tenant', summary: `About ${title}` }, '/api/v1/courses');
    const moduleTitle = `Module of ${label} ${tag()}`;
    const module = await this.create<{ id: string }>(`/api/v1/courses/${course.id}/modules`, { title: moduleTitle }, '/api/v1/courses/{courseId}/modules');
    const lessonTitles = [`Lesson of ${label} ${tag()}`, `Lesson of ${label} ${tag()}`];
    const lessonIds: string[] = [];
    const blockIds: string[] = [];
    for (const [index, lessonTitle] of lessonTitles.entries()) {
      const lesson = await this.create<{ id: string }>(`/api/v1/modules/${module.id}/lessons`, { title: lessonTitle, skills: index === 0 ? [skillId] : [] },
        index === 0 ? '/api/v1/modules/{moduleId}/lessons' : undefined);
      lessonIds.push(lesson.id);
      const blocks = [{ kind: 'rich_text', markdown: `${text} (${index + 1})` }, index === 0 ? { kind: 'question', itemId } : { kind: 'file', mediaId }];
      for (const [position, block] of blocks.entries()) {
        const keyedAs = index === 0 && position === 0 ? '/api/v1/lessons/{lessonId}/blocks' : undefined;
        blockIds.push((await this.create<{ id: string }>(`/api/v1/lessons/${lesson.id}/blocks`, block, keyedAs)).id);
      }
    }
    const submitted = await this.transition(course.id, 'review', this.cast.instructor, await this.draftEtag(course.id));
    await this.transition(course.id, 'review/approve', this.cast.admin, submitted);
    return { id: course.id, title, text, moduleId: module.id, moduleTitle, lessonIds, lessonTitles, blockIds };
  }

  /** One module with one lesson of text, written by the instructor and published at once by the admin (a reviewer). */
  async smallCourse(visibility: 'public' | 'unlisted'): Promise<SeededCourse> {
    const title = `${visibility} course of ${this.cast.label} ${tag()}`;
    const text = `Text of the ${visibility} course of ${this.cast.label} ${tag()}`;
    const course = await this.create<{ id: string }>('/api/v1/courses', { title, visibility, summary: `About ${title}` });
    const module = await this.create<{ id: string }>(`/api/v1/courses/${course.id}/modules`, { title: `Module of ${title}` });
    const lesson = await this.create<{ id: string }>(`/api/v1/modules/${module.id}/lessons`, { title: `Lesson of ${title}` });
    await this.create(`/api/v1/lessons/${lesson.id}/blocks`, { kind: 'rich_text', markdown: text });
    await this.transition(course.id, 'publish', this.cast.admin, await this.draftEtag(course.id));
    return { id: course.id, title, text };
  }

  async draftEtag(courseId: string): Promise<string> {
    const { response } = await expectStatus(this.api, { method: 'GET', url: `/api/v1/courses/${courseId}?view=draft`, headers: this.headers }, 200);
    return String(response.headers.etag);
  }

  /** A review step; answers the course's ETag after it. */
  async transition(courseId: string, step: string, actor: SeededUser, etag: string): Promise<string> {
    const { response } = await expectStatus(this.api, {
      method: 'POST', url: `/api/v1/courses/${courseId}/${step}`, headers: { ...bearer(actor.accessToken), 'if-match': etag }, body: {},
    }, 200);
    return String(response.headers.etag ?? '');
  }

  /** The current ETag of each object, read back as the instructor once everything is in place. */
  async recordEtags(reads: Array<[url: string, id: string]>): Promise<void> {
    for (const [url, id] of reads) {
      const { response } = await expectStatus(this.api, { method: 'GET', url, headers: this.headers }, 200);
      this.cast.etags.set(id, String(response.headers.etag));
    }
  }
}

/**
 * Waits (bounded) until enrollment has consumed the course's `catalog.course.published`, then opens a window
 * around now with seats and a waitlist.
 */
async function openEnrollment(api: Api, cast: LearningCast, courseId: string): Promise<void> {
  const url = `/api/v1/courses/${courseId}/enrollment-settings`;
  const headers = bearer(cast.admin.accessToken);
  for (let attempt = 0; attempt < POLL.attempts; attempt++) {
    const settings = await api({ method: 'GET', url, headers });
    if (settings.statusCode === 200) {
      const day = 86_400_000;
      const body = { capacity: 50, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString(), waitlistEnabled: true };
      const { response } = await expectStatus(api, { method: 'PUT', url, headers: { ...headers, 'if-match': String(settings.headers.etag) }, body }, 200);
      cast.etags.set(`/api/v1/courses/{courseId}/enrollment-settings ${courseId}`, String(response.headers.etag));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL.intervalMs));
  }
  throw new Error(`Seeding: enrollment never learnt of course ${courseId} (are the relay and the consumers running?)`);
}

/** The second student enrolls (under an Idempotency-Key the attackers replay) and completes the first lesson. */
async function enrollAndLearn(api: Api, cast: LearningCast, courseId: string, lessonId: string): Promise<{ id: string }> {
  const headers = bearer(cast.classmate.accessToken);
  const key = `red-team-seed-${tag()}`;
  cast.idempotencyKeys.set('/api/v1/courses/{courseId}/enroll', key);
  const { body: enrollment } = await expectStatus<{ id: string; status: string }>(api, {
    method: 'POST', url: `/api/v1/courses/${courseId}/enroll`, headers: { ...headers, 'idempotency-key': key }, body: {},
  }, 201);
  if (enrollment.status !== 'active') throw new Error(`Seeding: the enrollment is ${enrollment.status}, not active`);
  for (const step of ['start', 'complete']) {
    await expectStatus(api, { method: 'POST', url: `/api/v1/enrollments/${enrollment.id}/lessons/${lessonId}/${step}`, headers, body: { secondsSpent: 60 } }, 200);
  }
  const { response } = await expectStatus(api, { method: 'GET', url: `/api/v1/enrollments/${enrollment.id}`, headers }, 200);
  cast.etags.set(enrollment.id, String(response.headers.etag));
  return { id: enrollment.id };
}
