import { lazy, Suspense, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Loading } from '../../../ui';
import { useFeedEvents, useNotificationsFeed } from '../feed/NotificationsProvider';
import './bell.css';

// The panel (its list, and the notifications catalog) loads on the first click: every page shows the bell.
const BellPanel = lazy(() => import('./BellPanel'));

/** The shell's bell: the live unread count, and a panel of the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { unread } = useNotificationsFeed();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const panelId = useId();
  const frame = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();

  useFeedEvents((event) => {
    if (event.type === 'notification') setAnnouncement(t('bell.arrived', { title: event.notification.title }));
  });
  // Following a link in the panel (or any navigation) closes it.
  useEffect(() => setOpen(false), [location.pathname]);
  useDismiss(open, frame, (byKeyboard) => {
    setOpen(false);
    // Escape hands the focus back to the bell; a click elsewhere keeps it where the click put it.
    if (byKeyboard) button.current?.focus();
  });

  const label = unread === null ? t('bell.label') : t('bell.labelCount', { count: unread });
  return (
    <div className="bell" ref={frame}>
      <button ref={button} type="button" className="bell-button" aria-label={label} aria-expanded={open} aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((shown) => !shown)} data-testid="notification-bell">
        <BellIcon />
        {unread ? <span className="bell-count" aria-hidden="true" data-testid="notification-count">{unread > 99 ? '99+' : unread}</span> : null}
      </button>
      <span className="sr-only" role="status">{announcement}</span>
      {open ? (
        <div id={panelId} className="bell-panel" role="region" aria-label={t('bell.panel')}>
          <Suspense fallback={<Loading />}>
            <BellPanel onClose={() => setOpen(false)} />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}

/** Escape, or a click outside `frame`, dismisses the open panel. */
function useDismiss(open: boolean, frame: RefObject<HTMLDivElement | null>, dismiss: (byKeyboard: boolean) => void): void {
  const latest = useRef(dismiss);
  useEffect(() => {
    latest.current = dismiss;
  });
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') latest.current(true);
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !frame.current?.contains(event.target)) latest.current(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, frame]);
}

function BellIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
    </svg>
  );
}
