import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { useResource } from '../../../api/use-resource';
import { ProblemAlert, ResourceView, toast } from '../../../ui';
import type { Scheduler } from '../api-types';

const SCHEDULERS: Scheduler[] = ['fsrs', 'sm2'];

/** Which scheduler plans the student's spaced reviews (FSRS by default, SM-2 on request); saved when chosen. */
export function ReviewSettings() {
  const { t } = useTranslation('student');
  const settings = useResource(() => unwrap(api.GET('/api/v1/adaptive/settings')), []);
  const action = useAction();
  const choose = async (scheduler: Scheduler, previous: Scheduler) => {
    // Shown chosen at once, and put back if the save fails.
    settings.update(() => ({ scheduler }));
    const saved = await action.run(async () => {
      const answer = await unwrap(api.PUT('/api/v1/adaptive/settings', { body: { scheduler } }));
      settings.update(() => answer);
    });
    if (saved) toast(t('reviews.saved'));
    else settings.update(() => ({ scheduler: previous }));
  };
  return (
    <section className="card" aria-labelledby="review-settings-heading">
      <h2 id="review-settings-heading">{t('reviews.settingsHeading')}</h2>
      <ResourceView resource={settings}>
        {(current) => (
          <fieldset className="plain">
            <legend>{t('reviews.scheduler')}</legend>
            <div className="choice-group">
              {SCHEDULERS.map((scheduler) => (
                <div className="choice scheduler-choice" key={scheduler}>
                  <input type="radio" id={`scheduler-${scheduler}`} name="scheduler" checked={current.scheduler === scheduler}
                    aria-describedby={`scheduler-${scheduler}-hint`} onChange={() => void choose(scheduler, current.scheduler)} />
                  <label htmlFor={`scheduler-${scheduler}`}>{t(`reviews.${scheduler}`)}</label>
                  <span id={`scheduler-${scheduler}-hint`} className="muted small">{t(`reviews.${scheduler}Hint`)}</span>
                </div>
              ))}
            </div>
          </fieldset>
        )}
      </ResourceView>
      <ProblemAlert error={action.error} />
    </section>
  );
}
