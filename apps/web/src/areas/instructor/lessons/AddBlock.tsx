import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card } from '../../../ui';
import { MediaUpload } from '../components/MediaUpload';
import { MEDIA_ACCEPT } from './BlockCard';
import type { NewBlock } from './blocks-api';
import { ItemPicker } from './ItemPicker';
import { RichTextEditor } from './RichTextEditor';

type Kind = NewBlock['kind'];

/** Adds a block at the end: text written here, a video or file uploaded here, or a question from the bank. */
export function AddBlock({ onAdd }: { onAdd: (block: NewBlock) => Promise<boolean> }) {
  const { t } = useTranslation('instructor');
  const [kind, setKind] = useState<Kind | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async (block: NewBlock) => {
    setBusy(true);
    const ok = await onAdd(block);
    setBusy(false);
    if (ok) setKind(null);
  };
  return (
    <Card title={t('blocks.addHeading')}>
      <div className="stack">
        <div className="row" role="group" aria-label={t('blocks.addHeading')}>
          {(['rich_text', 'video', 'file', 'question'] as Kind[]).map((option) => (
            <Button key={option} variant={kind === option ? 'primary' : 'secondary'} small aria-pressed={kind === option} onClick={() => setKind(kind === option ? null : option)}>{t(`blocks.add.${option}`)}</Button>
          ))}
        </div>
        {kind === 'rich_text' ? <RichTextEditor title="" markdown="" busy={busy} onSave={(title, markdown) => void add({ kind: 'rich_text', ...(title.trim() ? { title: title.trim() } : {}), markdown })} onCancel={() => setKind(null)} /> : null}
        {kind === 'video' || kind === 'file' ? (
          <MediaUpload accept={MEDIA_ACCEPT[kind]} label={t(`blocks.upload.${kind}`)} onUploaded={(media) => void add({ kind, mediaId: media.id, title: media.filename.slice(0, 200) })} />
        ) : null}
        {kind === 'question' ? <ItemPicker actionLabel={(item) => t('blocks.useItem', { title: item.title })} onPick={(item) => void add({ kind: 'question', itemId: item.id })} /> : null}
      </div>
    </Card>
  );
}
