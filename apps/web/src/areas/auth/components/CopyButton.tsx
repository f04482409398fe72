import { useTranslation } from 'react-i18next';
import { Button, toast } from '../../../ui';

/** Copies `text` to the clipboard and says so; when the browser refuses, asks the user to copy by hand. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation('auth');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast(t('copy.done'));
    } catch {
      toast(t('copy.failed'), 'error');
    }
  };
  return <Button variant="secondary" small onClick={copy}>{label ?? t('copy.action')}</Button>;
}
