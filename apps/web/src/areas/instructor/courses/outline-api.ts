import { api, unwrap } from '../../../api/client';
import { etagOf, withEtag } from '../../../api/versioned';
import type { CourseLesson, CourseModule, OutlineModule } from './course-types';

/** The draft's modules with their lessons, each with the version its If-Match needs. */
export async function loadOutline(courseId: string): Promise<OutlineModule[]> {
  const modules = await unwrap(api.GET('/api/v1/courses/{courseId}/modules', { params: { path: { courseId } } }));
  const lessons = await Promise.all(modules.items.map((module) => unwrap(api.GET('/api/v1/modules/{moduleId}/lessons', { params: { path: { moduleId: module.id } } }))));
  return modules.items.map((module, index) => ({ ...module, lessons: lessons[index]?.items ?? [] }));
}

export async function addModule(courseId: string, title: string): Promise<CourseModule> {
  return unwrap(api.POST('/api/v1/courses/{courseId}/modules', { params: { path: { courseId } }, body: { title } }));
}

export async function changeModule(module: CourseModule, changes: { title?: string; position?: number }): Promise<CourseModule> {
  return (await withEtag(api.PATCH('/api/v1/modules/{moduleId}', { params: { path: { moduleId: module.id }, header: { 'if-match': etagOf(module.version) } }, body: changes }))).data;
}

export async function deleteModule(module: CourseModule): Promise<void> {
  await unwrap(api.DELETE('/api/v1/modules/{moduleId}', { params: { path: { moduleId: module.id }, header: { 'if-match': etagOf(module.version) } } }));
}

export async function addLesson(moduleId: string, title: string): Promise<CourseLesson> {
  return unwrap(api.POST('/api/v1/modules/{moduleId}/lessons', { params: { path: { moduleId } }, body: { title } }));
}

export async function changeLesson(lesson: CourseLesson, changes: { title?: string; position?: number; moduleId?: string }): Promise<CourseLesson> {
  return unwrap(api.PATCH('/api/v1/lessons/{lessonId}', { params: { path: { lessonId: lesson.id }, header: { 'if-match': etagOf(lesson.version) } }, body: changes }));
}

export async function deleteLesson(lesson: CourseLesson): Promise<void> {
  await unwrap(api.DELETE('/api/v1/lessons/{lessonId}', { params: { path: { lessonId: lesson.id }, header: { 'if-match': etagOf(lesson.version) } } }));
}
