import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../../ui';
import { CATEGORIES, CHANNELS, type Category, type Channel, type Preferences } from '../api';

/** Which channel brings each category: one checkbox per category and channel, each named by both. */
export function ChannelTable({ categories, onChange }: {
  categories: Preferences['categories'];
  onChange: (category: Category, channel: Channel, on: boolean) => void;
}) {
  const { t } = useTranslation('notifications');
  return (
    <TableWrap label={t('prefs.channelsCaption')}>
      <table className="channel-table">
        <caption className="sr-only">{t('prefs.channelsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left' }}>{t('prefs.category')}</th>
            {CHANNELS.map((channel) => <th key={channel} scope="col">{t(`channel.${channel}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((category) => (
            <tr key={category}>
              <th scope="row">
                {t(`category.${category}`)}
                <div className="muted" style={{ fontWeight: 400, fontSize: '0.9rem' }}>{t(`categoryHint.${category}`)}</div>
              </th>
              {CHANNELS.map((channel) => (
                <td key={channel}>
                  <input type="checkbox" checked={categories[category][channel]} onChange={(event) => onChange(category, channel, event.target.checked)}
                    aria-label={t('prefs.channelFor', { channel: t(`channel.${channel}`), category: t(`category.${category}`) })} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
