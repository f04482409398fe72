import { api, unwrap } from '../../../api/client';
import type { paths } from '../../../api/openapi';
import { withEtag, type Versioned } from '../../../api/versioned';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

type DeliveriesGet = paths['/api/v1/admin/notifications/deliveries']['get'];
export type DeliveryPage = Json<DeliveriesGet['responses'][200]>;
export type Delivery = DeliveryPage['items'][number];
export type DeliveryStatus = Delivery['status'];
export type NotifySettings = Json<paths['/api/v1/admin/notifications/settings']['get']['responses'][200]>;
export type NotifySettingsChange = paths['/api/v1/admin/notifications/settings']['put']['requestBody']['content']['application/json'];

/** The statuses in the order a delivery goes through them; the failures last. */
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['queued', 'held', 'sent', 'delivered', 'bounced', 'failed'];

/** One page of the tenant's delivery log, newest first, optionally of one status only. */
export function fetchDeliveries(options: { limit: number; cursor?: string | undefined; status?: DeliveryStatus | undefined }): Promise<DeliveryPage> {
  const query = { limit: options.limit, ...(options.cursor ? { cursor: options.cursor } : {}), ...(options.status ? { status: options.status } : {}) };
  return unwrap(api.GET('/api/v1/admin/notifications/deliveries', { params: { query } }));
}

/** The tenant's notification settings with the ETag a change must send back. */
export function fetchNotifySettings(): Promise<Versioned<NotifySettings>> {
  return withEtag(api.GET('/api/v1/admin/notifications/settings'));
}

/** Saves `change` if nobody changed the settings since `etag` was read (else a 412 problem). */
export function saveNotifySettings(etag: string, change: NotifySettingsChange): Promise<Versioned<NotifySettings>> {
  return withEtag(api.PUT('/api/v1/admin/notifications/settings', { headers: { 'if-match': etag }, body: change }));
}
