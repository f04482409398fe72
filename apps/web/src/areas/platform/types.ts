import type { paths } from '../../api/openapi';

export type PlatformTenant = paths['/api/v1/platform/tenants/{id}']['get']['responses'][200]['content']['application/json'];
export type SigningKey = paths['/api/v1/platform/signing-keys']['get']['responses'][200]['content']['application/json']['items'][number];
