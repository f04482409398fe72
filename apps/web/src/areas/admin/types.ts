import type { paths } from '../../api/openapi';

export type User = paths['/api/v1/users/{id}']['get']['responses'][200]['content']['application/json'];
export type Tenant = paths['/api/v1/tenant']['get']['responses'][200]['content']['application/json'];
export type TenantSettings = Tenant['settings'];
export type TenantRole = 'student' | 'instructor' | 'tutor' | 'tenant_admin';
export type UserStatus = User['status'];
export type ApiKey = paths['/api/v1/api-keys']['get']['responses'][200]['content']['application/json']['items'][number];
export type CreatedApiKey = paths['/api/v1/api-keys']['post']['responses'][201]['content']['application/json'];
export type SsoConnection = paths['/api/v1/tenant/sso']['get']['responses'][200]['content']['application/json'];
export type BulkInviteResult = paths['/api/v1/users/invitations/bulk']['post']['responses'][200]['content']['application/json'];

/** The roles a tenant admin gives (platform_admin is not theirs to give). */
export const TENANT_ROLES: TenantRole[] = ['student', 'instructor', 'tutor', 'tenant_admin'];
export const USER_STATUSES: UserStatus[] = ['invited', 'active', 'deactivated'];
