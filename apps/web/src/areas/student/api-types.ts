import type { paths } from '../../api/openapi';

/** The JSON body of an operation's answer with status `Code`. */
type JsonOf<Op, Code extends number = 200> = Op extends { responses: { [K in Code]: { content: { 'application/json': infer Body } } } } ? Body : never;

export type Home = JsonOf<paths['/api/v1/me/home']['get']>;
export type SearchResult = JsonOf<paths['/api/v1/search']['get']>;
export type SearchHit = SearchResult['items'][number];
export type SearchFacets = SearchResult['facets'];
export type CourseListing = Extract<JsonOf<paths['/api/v1/courses']['get']>['items'][number], { publishedAt: string }>;
export type PublishedCourse = Extract<JsonOf<paths['/api/v1/courses/{courseId}']['get']>, { publishedAt: string }>;
export type CourseStructure = JsonOf<paths['/api/v1/courses/{courseId}/structure']['get']>;
export type PublishedLesson = Extract<JsonOf<paths['/api/v1/lessons/{lessonId}']['get']>, { blocks: unknown }>;
export type LessonBlock = PublishedLesson['blocks'][number];
export type NextLesson = JsonOf<paths['/api/v1/lessons/{lessonId}/next']['get']>;
export type Media = JsonOf<paths['/api/v1/media/{mediaId}']['get']>;
export type Enrollment = JsonOf<paths['/api/v1/enrollments/{enrollmentId}']['get']>;
export type EnrollmentStatus = Enrollment['status'];
export type MyCourse = JsonOf<paths['/api/v1/me/courses']['get']>['items'][number];
export type Progress = JsonOf<paths['/api/v1/enrollments/{enrollmentId}/progress']['get']>;
export type ExamSummary = JsonOf<paths['/api/v1/courses/{courseId}/exams']['get']>['items'][number];
export type Attempt = JsonOf<paths['/api/v1/attempts/{attemptId}']['get']>;
export type AttemptSlot = Attempt['slots'][number];
export type ItemResponse = NonNullable<NonNullable<AttemptSlot['answer']>['response']>;
export type ResponseOf<T extends ItemResponse['type']> = Extract<ItemResponse, { type: T }>;
export type Acceptance = JsonOf<paths['/api/v1/attempts/{attemptId}/submit']['post'], 202>;
export type Submission = JsonOf<paths['/api/v1/attempts/{attemptId}/submission']['get']>;
export type Gradebook = JsonOf<paths['/api/v1/me/gradebook']['get']>;
