import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useResource } from '../../../api/use-resource';
import { BrowserSanitizedHtml, Button, ResourceView, TextField } from '../../../ui';
import { MediaUpload } from '../components/MediaUpload';
import type { BlockChanges } from './blocks-api';
import { ItemPicker } from './ItemPicker';
import type { Block } from './lesson-types';
import { MediaInfo } from './MediaInfo';
import { RichTextEditor } from './RichTextEditor';

export const MEDIA_ACCEPT = { video: 'video/mp4,video/webm,video/ogg,audio/*', file: 'application/pdf,image/png,image/jpeg,image/gif,image/webp,audio/*' } as const;

/** One content block: shown as students see it, or edited (text, media, question) in place. */
export function BlockCard({ block, index, disabled, onChange, onDelete }: { block: Block; index: number; disabled: boolean; onChange: (changes: BlockChanges) => Promise<boolean>; onDelete: () => void }) {
  const { t } = useTranslation('instructor');
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const save = async (changes: BlockChanges) => {
    setBusy(true);
    const ok = await onChange(changes);
    setBusy(false);
    if (ok) setEditing(false);
  };
  const heading = t('blocks.heading', { n: index + 1, kind: t(`blocks.kind.${block.kind}`) }) + (block.title ? `: ${block.title}` : '');
  return (
    <article className="stack" aria-label={heading}>
      <div className="row">
        <h3 className="grow" style={{ margin: 0 }}>{heading}</h3>
        <Button variant="secondary" small disabled={disabled} onClick={() => setEditing((now) => !now)} aria-expanded={editing}>{editing ? t('blocks.close') : t('blocks.edit')}</Button>
        <Button variant="secondary" small disabled={disabled} onClick={onDelete} aria-label={t('outline.deleteNamed', { name: heading })}>{t('outline.delete')}</Button>
      </div>
      {block.kind === 'rich_text' ? (
        editing
          ? <RichTextEditor title={block.title ?? ''} markdown={block.markdown ?? ''} busy={busy} onSave={(title, markdown) => void save({ title: title.trim() || null, markdown })} onCancel={() => setEditing(false)} />
          : <BrowserSanitizedHtml html={block.html ?? ''} />
      ) : null}
      {block.kind === 'video' || block.kind === 'file' ? (
        <>
          {block.mediaId ? <MediaInfo mediaId={block.mediaId} /> : <p className="muted">{t('blocks.noMedia')}</p>}
          {editing ? <MediaBlockEdit block={block} busy={busy} onSave={(changes) => void save(changes)} /> : null}
        </>
      ) : null}
      {block.kind === 'question' ? (
        <>
          {block.itemId ? <ItemLabel itemId={block.itemId} /> : <p className="muted">{t('blocks.noItem')}</p>}
          {editing ? <ItemPicker actionLabel={(item) => t('blocks.useItem', { title: item.title })} onPick={(item) => void save({ itemId: item.id })} /> : null}
        </>
      ) : null}
    </article>
  );
}

function MediaBlockEdit({ block, busy, onSave }: { block: Block; busy: boolean; onSave: (changes: BlockChanges) => void }) {
  const { t } = useTranslation('instructor');
  const [title, setTitle] = useState(block.title ?? '');
  return (
    <div className="stack">
      <div className="row list-row">
        <div className="grow"><TextField label={t('blocks.blockTitle')} value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} /></div>
        <Button small busy={busy} onClick={() => onSave({ title: title.trim() || null })}>{t('blocks.saveTitle')}</Button>
      </div>
      <MediaUpload accept={MEDIA_ACCEPT[block.kind === 'video' ? 'video' : 'file']} label={t('blocks.replaceMedia')} onUploaded={(media) => onSave({ mediaId: media.id })} />
    </div>
  );
}

function ItemLabel({ itemId }: { itemId: string }) {
  const { t } = useTranslation('instructor');
  const item = useResource(() => unwrap(api.GET('/api/v1/items/{itemId}', { params: { path: { itemId } } })), [itemId]);
  return (
    <ResourceView resource={item}>
      {(data) => <p><strong>{data.title}</strong> · {t(`itemType.${data.type}`)}</p>}
    </ResourceView>
  );
}
