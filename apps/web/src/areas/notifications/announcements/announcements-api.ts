import { api, unwrap } from '../../../api/client';
import type { paths } from '../../../api/openapi';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type AnnouncementInput = paths['/api/v1/announcements']['post']['requestBody']['content']['application/json'];
export type Audience = AnnouncementInput['audience'];
export type Announcement = Json<paths['/api/v1/announcements']['post']['responses'][201]>;
export type AnnouncementPreview = Json<paths['/api/v1/announcements/preview']['post']['responses'][200]>;
export type AnnouncementPage = Json<paths['/api/v1/announcements']['get']['responses'][200]>;

export const ROLE_AUDIENCES = ['student', 'instructor', 'tutor', 'tenant_admin'] as const;

export function previewAnnouncement(input: AnnouncementInput): Promise<AnnouncementPreview> {
  return unwrap(api.POST('/api/v1/announcements/preview', { body: input }));
}

export function createAnnouncement(input: AnnouncementInput): Promise<Announcement> {
  return unwrap(api.POST('/api/v1/announcements', { body: input }));
}

export function cancelAnnouncement(id: string): Promise<Announcement> {
  return unwrap(api.POST('/api/v1/announcements/{announcementId}/cancel', { params: { path: { announcementId: id } } }));
}

/** Announcements newest first (the caller's own; a tenant admin's: all), a page at a time. */
export function fetchAnnouncements(cursor: string | null): Promise<AnnouncementPage> {
  return unwrap(api.GET('/api/v1/announcements', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } }));
}

/** Whether an announcement went to `audience` (a course page lists that course's only). */
export function isFor(announcement: Announcement, audience: Audience): boolean {
  return 'courseId' in audience ? 'courseId' in announcement.audience && announcement.audience.courseId === audience.courseId
    : 'role' in announcement.audience && announcement.audience.role === audience.role;
}
