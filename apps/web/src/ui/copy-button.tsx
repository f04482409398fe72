import { useTranslation } from 'react-i18next';
import { Button } from './controls';
import { toast } from './toast';

/** Copies `text` to the clipboard and says so; when the browser refuses, asks the user to copy by hand. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  // Its words are the auth catalog's `copy.*` (common.json has none yet).
  const { t } = useTranslation();
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
