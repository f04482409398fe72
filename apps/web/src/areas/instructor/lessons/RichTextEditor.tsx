import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserSanitizedHtml, Button, TextAreaField, TextField } from '../../../ui';
import { renderMarkdownPreview } from '../lib/markdown-preview';

/**
 * Markdown with a live preview beside it. The preview is rendered here while typing (escaped, then a few
 * Markdown rules); once saved, the lesson shows the HTML the API rendered and sanitised.
 */
export function RichTextEditor({ title, markdown, busy, onSave, onCancel }: { title: string; markdown: string; busy: boolean; onSave: (title: string, markdown: string) => void; onCancel?: () => void }) {
  const { t } = useTranslation('instructor');
  const [text, setText] = useState(markdown);
  const [heading, setHeading] = useState(title);
  const preview = useMemo(() => renderMarkdownPreview(text), [text]);
  const previewId = useId();
  return (
    <div className="stack">
      <TextField label={t('blocks.blockTitle')} value={heading} onChange={(event) => setHeading(event.target.value)} maxLength={200} />
      <div className="editor-layout">
        <TextAreaField label={t('blocks.markdown')} hint={t('blocks.markdownHint')} className="code" rows={10} value={text} onChange={(event) => setText(event.target.value)} aria-controls={previewId} />
        <section className="card" aria-labelledby={`${previewId}-heading`}>
          <p id={`${previewId}-heading`} className="row-title">{t('blocks.livePreview')}</p>
          <div id={previewId} aria-live="off">{text.trim() ? <BrowserSanitizedHtml html={preview} /> : <p className="muted">{t('blocks.emptyPreview')}</p>}</div>
        </section>
      </div>
      <div className="row">
        <Button busy={busy} onClick={() => onSave(heading, text)}>{t('blocks.saveText')}</Button>
        {onCancel ? <Button variant="secondary" onClick={onCancel}>{t('outline.cancel')}</Button> : null}
      </div>
    </div>
  );
}
