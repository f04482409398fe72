import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useResource } from '../../../api/use-resource';
import { etagOf, withEtag } from '../../../api/versioned';
import { PageHeader, ResourceView } from '../../../ui';
import { AccountNav } from '../../account/AccountNav';
import '../notifications.css';
import { PhoneSection } from '../phone/PhoneSection';
import { PushSection } from '../push/PushSection';
import { PreferencesForm } from './PreferencesForm';

/**
 * `/account/notifications`: which notifications reach the user where, quiet hours, time zone and digest;
 * then the channels' own setup: push on this device, and the number for text messages.
 */
export default function PreferencesPage() {
  const { t } = useTranslation('notifications');
  const preferences = useResource(() => withEtag(api.GET('/api/v1/notifications/preferences')), []);
  return (
    <>
      <PageHeader title={t('prefs.title')} description={t('prefs.description')} />
      <AccountNav />
      <ResourceView resource={preferences}>
        {({ data, etag }) => (
          // A new version (saved here, or reloaded after a 412) starts the form again from what is stored.
          <PreferencesForm key={etag || data.version} saved={data} etag={etag || etagOf(data.version)}
            onSaved={(stored) => preferences.update(() => stored)} onStale={preferences.reload} />
        )}
      </ResourceView>
      <div className="stack" style={{ marginTop: 'var(--space-4)' }}>
        <PushSection />
        <PhoneSection />
      </div>
    </>
  );
}
