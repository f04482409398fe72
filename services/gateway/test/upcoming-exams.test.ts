import { randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS, type ExamSettings, type Submission } from '@tessera/assessment/contract';
import type { MyCourse } from '@tessera/enrollment/contract';
import { describe, expect, it } from 'vitest';
import { upcomingExams, type CourseExams, type ExamSummary } from '../src/app/home.js';

const NOW = new Date('2030-01-10T12:00:00.000Z');
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000).toISOString();
const course = { courseId: randomUUID(), title: 'Physics' } as MyCourse;

function exam(title: string, settings: Partial<ExamSettings>, status: ExamSummary['status'] = 'published'): ExamSummary {
  return {
    id: randomUUID(), courseId: course.courseId, title, category: 'exam', status,
    publishedVersion: status === 'draft' ? null : 1, settings: { ...DEFAULT_SETTINGS, ...settings },
  };
}
const titles = (lists: CourseExams[], submissions?: Submission[]) => upcomingExams(lists, submissions, NOW).map((e) => e.title);

describe('upcoming exams', () => {
  it('lists open exams by deadline (none last), then the ones not yet open by opening time, without closed or unpublished ones', () => {
    const exams = [
      exam('opens tomorrow', { opensAt: at(24), closesAt: at(48) }),
      exam('open, no deadline', {}),
      exam('opens in an hour', { opensAt: at(1) }),
      exam('due in 2 hours', { closesAt: at(2) }),
      exam('due in a day', { opensAt: at(-5), closesAt: at(24) }),
      exam('closed', { closesAt: at(-1) }),
      exam('closes now', { closesAt: NOW.toISOString() }),
      exam('draft', { closesAt: at(3) }, 'draft'),
      exam('archived', { closesAt: at(3) }, 'archived'),
    ];
    expect(titles([{ course, exams }])).toEqual(['due in 2 hours', 'due in a day', 'open, no deadline', 'opens in an hour', 'opens tomorrow']);
  });

  it('keeps the 10 soonest and counts submissions only when they could be read', () => {
    const exams = Array.from({ length: 12 }, (_, n) => exam(`due in ${n + 1} hours`, { closesAt: at(n + 1) }));
    const first = exams[0]!;
    const submissions = [{ examId: first.id }, { examId: first.id }] as Submission[];
    const upcoming = upcomingExams([{ course, exams }], submissions, NOW);
    expect(upcoming.map((e) => e.title)).toEqual(exams.slice(0, 10).map((e) => e.title));
    expect(upcoming.map((e) => e.attemptsSubmitted).slice(0, 2)).toEqual([2, 0]);
    expect(upcomingExams([{ course, exams }], undefined, NOW)[0]?.attemptsSubmitted).toBeNull();
  });
});
