import { useTranslation } from 'react-i18next';
import type { LessonBlock } from '../api-types';
import { FileBlock } from './FileBlock';
import { QuestionBlock } from './QuestionBlock';
import { VideoBlock } from './VideoBlock';
import { ServerSanitizedHtml } from '../../../ui';

/**
 * A lesson's blocks in order: rich text, video, files and questions. Questions can be checked when the
 * student learns in the course (`checkable`).
 */
export function Blocks({ blocks, lessonId, version, courseId, checkable }: { blocks: LessonBlock[]; lessonId: string; version: number; courseId: string; checkable: boolean }) {
  const { t } = useTranslation('student');
  const ordered = [...blocks].sort((a, b) => a.position - b.position);
  let questionNumber = 0;
  return (
    <div className="stack lesson-blocks">
      {ordered.map((block) => {
        if (block.kind === 'question') questionNumber += 1;
        return (
          <div key={block.id} className="lesson-block">
            {block.title ? <h2>{block.title}</h2> : null}
            {block.kind === 'rich_text' ? <RichText block={block} /> : null}
            {block.kind === 'video' && block.mediaId ? <VideoBlock mediaId={block.mediaId} title={block.title} /> : null}
            {block.kind === 'file' && block.mediaId ? <FileBlock mediaId={block.mediaId} title={block.title} /> : null}
            {block.kind === 'question' && block.itemId ? <QuestionBlock lessonId={lessonId} itemId={block.itemId} version={version} number={questionNumber} courseId={courseId} checkable={checkable} /> : null}
            {(block.kind === 'video' || block.kind === 'file') && !block.mediaId ? <p className="muted">{t('lesson.missingMedia')}</p> : null}
          </div>
        );
      })}
    </div>
  );
}

function RichText({ block }: { block: LessonBlock }) {
  if (block.html) return <ServerSanitizedHtml className="rich-text" html={demoteHeadings(block.html)} />;
  return block.markdown ? <p className="rich-text pre-wrap">{block.markdown}</p> : null;
}

/**
 * The lesson's title is the page's only h1, so headings inside its text move one level down (h1 → h2 …).
 * Only tag names change: the sanitised HTML is otherwise left as it is.
 */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-5])(?=[\s>])/gi, (_tag, slash: string, level: string) => `<${slash}h${Number(level) + 1}`);
}
