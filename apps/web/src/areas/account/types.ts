import type { paths } from '../../api/openapi';

export type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];
export type AccountSession = paths['/api/v1/me/sessions']['get']['responses'][200]['content']['application/json']['items'][number];
