import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError, type ApiError } from '../../../api/problem';
import { Button, ProgressBar } from '../../../ui';
import { uploadMedia, type Media } from '../lib/upload';
import { ActionProblem } from './ActionProblem';

/**
 * Picks a file and uploads it with a progress bar; `onUploaded` gets the stored media. The upload can be
 * cancelled while it runs.
 */
export function MediaUpload({ accept, label, onUploaded }: { accept: string; label: string; onUploaded: (media: Media) => void }) {
  const { t } = useTranslation('instructor');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [fileName, setFileName] = useState('');
  const controller = useRef<AbortController | null>(null);
  const inputId = useId();

  const start = async (file: File) => {
    setError(null);
    setFileName(file.name);
    setProgress(0);
    controller.current = new AbortController();
    try {
      const media = await uploadMedia(file, setProgress, controller.current.signal);
      onUploaded(media);
    } catch (caught) {
      const problem = asApiError(caught);
      if (problem.problem.title !== 'aborted') setError(problem);
    } finally {
      setProgress(null);
      controller.current = null;
    }
  };

  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input id={inputId} type="file" accept={accept} disabled={progress !== null} onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void start(file);
          event.target.value = '';
        }} />
      </div>
      {/* The live region says when an upload starts; the progress bar carries the percentage (announcing
          every step would drown a screen reader's user in numbers). */}
      <p role="status" className="sr-only">{progress !== null ? t('media.started', { name: fileName }) : ''}</p>
      {progress !== null ? (
        <div className="stack">
          <span aria-hidden="true">{t('media.uploading', { name: fileName, percent: Math.round(progress * 100) })}</span>
          <ProgressBar value={progress} label={t('media.progress', { name: fileName })} />
          <div><Button variant="secondary" small onClick={() => controller.current?.abort()}>{t('media.cancel')}</Button></div>
        </div>
      ) : null}
      <ActionProblem error={error} />
    </div>
  );
}
