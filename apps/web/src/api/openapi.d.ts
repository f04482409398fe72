// Generated from the API's /openapi.json by `npm run generate:api -w @tessera/web`. Do not edit.

export interface paths {
    "/api/v1/admin/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List dead-lettered messages
         * @description Requires the permission `platform.dead_letters.read`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                tenantId: string | null;
                                durable: string;
                                subject: string;
                                eventId: string;
                                eventType: string;
                                deliveries: number;
                                error: string;
                                /** Format: date-time */
                                deadAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dead-letters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Discard a dead letter
         * @description Requires the permission `platform.dead_letters.manage`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/signing-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the token signing keys
         * @description Requires the permission `platform.signing_keys.manage`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                kid: string;
                                algorithm: string;
                                /** Format: date-time */
                                createdAt: string;
                                status: "current" | "verifying-only" | "retired";
                                /** @description When the key stops (or stopped) verifying tokens; null for the current key */
                                retiresAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/signing-keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the token signing key
         * @description Requires the permission `platform.signing_keys.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kid: string;
                            algorithm: string;
                            /** Format: date-time */
                            createdAt: string;
                            status: "current" | "verifying-only" | "retired";
                            /** @description When the key stops (or stopped) verifying tokens; null for the current key */
                            retiresAt: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/signing-keys/{kid}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire a signing key at once (a leaked key)
         * @description Requires the permission `platform.signing_keys.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kid: string;
                            algorithm: string;
                            /** Format: date-time */
                            createdAt: string;
                            status: "current" | "verifying-only" | "retired";
                            /** @description When the key stops (or stopped) verifying tokens; null for the current key */
                            retiresAt: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Answers tokens, or a challenge when a second factor is needed (or must be set up first). Every failure is the same 401.
         *
         *     No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tenant?: string;
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "signed_in";
                            tokens: {
                                accessToken: string;
                                /** @enum {string} */
                                tokenType: "Bearer";
                                /** @description Seconds until the access token expires */
                                expiresIn: number;
                                /** @description Single use: each refresh returns a new one */
                                refreshToken: string;
                                /** Format: uuid */
                                sessionId: string;
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: uuid */
                                    tenantId: string;
                                    name: string;
                                    roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                                };
                            };
                        } | {
                            status: "mfa_required" | "mfa_setup_required";
                            /** @description Pass to /auth/mfa/verify (or /auth/mfa/setup first) within 5 minutes */
                            challenge: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for new tokens (the refresh token rotates)
         * @description A refresh token works once. Presenting a used one again revokes the whole session.
         *
         *     No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            /** @description Seconds until the access token expires */
                            expiresIn: number;
                            /** @description Single use: each refresh returns a new one */
                            refreshToken: string;
                            /** Format: uuid */
                            sessionId: string;
                            user: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                tenantId: string;
                                name: string;
                                roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                            };
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out of this session, or of every session with `everywhere`
         * @description Any signed-in caller.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        everywhere?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revokedSessions: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign up (when the institution allows it)
         * @description Always 202: the answer never tells whether the email already had an account. 403 IDENTITY.REGISTRATION_CLOSED when the institution does not allow sign-up.
         *
         *     No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tenant?: string;
                        /** Format: email */
                        email: string;
                        password: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "accepted";
                            detail: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an email address with the link sent to it
         * @description No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "verified";
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a new email verification link
         * @description Always 202.
         *
         *     No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tenant?: string;
                        /** Format: email */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "accepted";
                            detail: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset link
         * @description Always 202, whether or not the account exists.
         *
         *     No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tenant?: string;
                        /** Format: email */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "accepted";
                            detail: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a new password with a reset link
         * @description Ends every session of the account (their access tokens are refused at once) and lifts its sign-in lockout.
         *
         *     No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "password_changed";
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation: choose a password (and optionally correct your name)
         * @description No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        password: string;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "accepted";
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start setting up an authenticator app
         * @description Answers a new secret and its otpauth URI; it works once confirmed. Replaces an unfinished setup; 409 when an app is already set up.
         *
         *     Any signed-in caller.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Base32 secret, shown once */
                            secret: string;
                            /** @description otpauth://totp/… URI for a QR code */
                            otpauthUri: string;
                            /** @description The name the authenticator app shows */
                            issuer: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the authenticator app with a first code
         * @description Answers 10 recovery codes, shown only this once. A wrong code is 401 AUTH.INVALID_CODE and counts towards a lockout.
         *
         *     Any signed-in caller.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Six digits from the authenticator app */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recoveryCodes: string[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove your authenticator app and recovery codes (with your password or a current code)
         * @description 403 MFA.REQUIRED_BY_TENANT when your institution requires a second factor for one of your roles.
         *
         *     Any signed-in caller.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    } | {
                        /** @description Six digits from the authenticator app */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace your recovery codes (with a current code); the old ones stop working
         * @description Any signed-in caller.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Six digits from the authenticator app */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recoveryCodes: string[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Second step of a sign-in: the challenge with an authenticator code or a recovery code
         * @description A forged, expired or spent challenge is 401 AUTH.INVALID_CHALLENGE; a wrong code 401 AUTH.INVALID_CODE. A challenge takes 5 wrong codes, and wrong codes lock the account progressively (429).
         *
         *     No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        challenge: string;
                        /** @description Six digits from the authenticator app */
                        code: string;
                    } | {
                        challenge: string;
                        recoveryCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "signed_in";
                            tokens: {
                                accessToken: string;
                                /** @enum {string} */
                                tokenType: "Bearer";
                                /** @description Seconds until the access token expires */
                                expiresIn: number;
                                /** @description Single use: each refresh returns a new one */
                                refreshToken: string;
                                /** Format: uuid */
                                sessionId: string;
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: uuid */
                                    tenantId: string;
                                    name: string;
                                    roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                                };
                            };
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * For mfa_setup_required: a new authenticator secret for the user of the challenge
         * @description No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        challenge: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Base32 secret, shown once */
                            secret: string;
                            /** @description otpauth://totp/… URI for a QR code */
                            otpauthUri: string;
                            /** @description The name the authenticator app shows */
                            issuer: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/setup/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * For mfa_setup_required: confirm the new authenticator with a code and finish signing in
         * @description Answers tokens and 10 recovery codes, shown only this once.
         *
         *     No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        challenge: string;
                        /** @description Six digits from the authenticator app */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "signed_in";
                            tokens: {
                                accessToken: string;
                                /** @enum {string} */
                                tokenType: "Bearer";
                                /** @description Seconds until the access token expires */
                                expiresIn: number;
                                /** @description Single use: each refresh returns a new one */
                                refreshToken: string;
                                /** Format: uuid */
                                sessionId: string;
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: uuid */
                                    tenantId: string;
                                    name: string;
                                    roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                                };
                            };
                            recoveryCodes: string[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenant/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your tenant's OpenID Connect connection (never its client secret)
         * @description Requires the permission `identity.tenant.configure`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            issuer: string;
                            clientId: string;
                            /**
                             * @description The secret is stored (encrypted) and never shown again
                             * @enum {boolean}
                             */
                            clientSecretSet: true;
                            scopes: string[];
                            /** @description Roles of users created by their first SSO sign-in */
                            defaultRoles: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                            enabled: boolean;
                            version: number;
                            /** @description Register this redirect URI at the identity provider */
                            redirectUri: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Create or replace the OpenID Connect connection
         * @description The issuer's discovery document is fetched first: 422 SSO.DISCOVERY_FAILED says why it could not be used. Register the answer's `redirectUri` at the provider.
         *
         *     Requires the permission `identity.tenant.configure`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description https URL of the provider (http only for a loopback host) */
                        issuer: string;
                        clientId: string;
                        clientSecret: string;
                        /** @description Default: openid email profile */
                        scopes?: string[];
                        /** @description Default: ['student'] */
                        defaultRoles?: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                        /** @default true */
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            issuer: string;
                            clientId: string;
                            /**
                             * @description The secret is stored (encrypted) and never shown again
                             * @enum {boolean}
                             */
                            clientSecretSet: true;
                            scopes: string[];
                            /** @description Roles of users created by their first SSO sign-in */
                            defaultRoles: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                            enabled: boolean;
                            version: number;
                            /** @description Register this redirect URI at the identity provider */
                            redirectUri: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Remove the connection (users who signed in with it keep their accounts)
         * @description Requires the permission `identity.tenant.configure`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in with the institution's identity provider (a browser navigation)
         * @description Redirects to the provider. `returnTo` is a path inside the app (starting with one "/"); 404 when the institution has no enabled connection.
         *
         *     No credential needed.
         */
        get: {
            parameters: {
                query: {
                    tenant: string;
                    returnTo?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redirect (Location header) */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the identity provider sends the browser back (register this URI at the provider)
         * @description Redirects to the app with a one-time `code` for POST /auth/sso/exchange, or to the sign-in page with `error=sso_failed`.
         *
         *     No credential needed.
         */
        get: {
            parameters: {
                query?: {
                    state?: string;
                    code?: string;
                    error?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redirect (Location header) */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sso/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Collect the outcome of an SSO sign-in with the code the app was redirected with (once, within 60 s)
         * @description Tokens, or an MFA challenge as for password sign-in. Only from the browser that started the login; 401 AUTH.INVALID_HANDOFF otherwise.
         *
         *     No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "signed_in";
                            tokens: {
                                accessToken: string;
                                /** @enum {string} */
                                tokenType: "Bearer";
                                /** @description Seconds until the access token expires */
                                expiresIn: number;
                                /** @description Single use: each refresh returns a new one */
                                refreshToken: string;
                                /** Format: uuid */
                                sessionId: string;
                                user: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: uuid */
                                    tenantId: string;
                                    name: string;
                                    roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                                };
                            };
                        } | {
                            status: "mfa_required" | "mfa_setup_required";
                            /** @description Pass to /auth/mfa/verify (or /auth/mfa/setup first) within 5 minutes */
                            challenge: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your profile and preferences
         * @description Any signed-in caller.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            tenantId: string;
                            email: string;
                            emailVerified: boolean;
                            name: string;
                            status: "invited" | "active" | "deactivated";
                            roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                            locale: string;
                            timeZone: string;
                            preferences: {
                                notifications?: {
                                    [key: string]: {
                                        email?: boolean;
                                        inApp?: boolean;
                                        push?: boolean;
                                        sms?: boolean;
                                    };
                                };
                                accessibility?: {
                                    reducedMotion?: boolean;
                                    highContrast?: boolean;
                                    fontScale?: number;
                                    captions?: boolean;
                                };
                            };
                            mfaEnabled: boolean;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change your name, locale, time zone or preferences (requires If-Match)
         * @description Preferences are merged: send only the settings you change.
         *
         *     Any signed-in caller.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        locale?: string;
                        timeZone?: string;
                        preferences?: {
                            notifications?: {
                                [key: string]: {
                                    email?: boolean;
                                    inApp?: boolean;
                                    push?: boolean;
                                    sms?: boolean;
                                };
                            };
                            accessibility?: {
                                reducedMotion?: boolean;
                                highContrast?: boolean;
                                fontScale?: number;
                                captions?: boolean;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            tenantId: string;
                            email: string;
                            emailVerified: boolean;
                            name: string;
                            status: "invited" | "active" | "deactivated";
                            roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                            locale: string;
                            timeZone: string;
                            preferences: {
                                notifications?: {
                                    [key: string]: {
                                        email?: boolean;
                                        inApp?: boolean;
                                        push?: boolean;
                                        sms?: boolean;
                                    };
                                };
                                accessibility?: {
                                    reducedMotion?: boolean;
                                    highContrast?: boolean;
                                    fontScale?: number;
                                    captions?: boolean;
                                };
                            };
                            mfaEnabled: boolean;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change your password
         * @description Every other session is signed out; this one stays. Wrong current passwords count towards the sign-in lockout.
         *
         *     Any signed-in caller.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your active sessions (devices signed in)
         * @description Any signed-in caller.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                current: boolean;
                                methods: string[];
                                userAgent: string | null;
                                ip: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                lastUsedAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Sign out one of your sessions
         * @description Any signed-in caller.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download everything Tessera holds about you (JSON)
         * @description Any signed-in caller.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            format: "tessera.own-data/1";
                            /** Format: date-time */
                            exportedAt: string;
                            /** Format: uuid */
                            userId: string;
                            /** Format: uuid */
                            tenantId: string;
                            identity: {
                                profile: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: uuid */
                                    tenantId: string;
                                    email: string;
                                    emailVerified: boolean;
                                    name: string;
                                    status: "invited" | "active" | "deactivated";
                                    roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                                    locale: string;
                                    timeZone: string;
                                    preferences: {
                                        notifications?: {
                                            [key: string]: {
                                                email?: boolean;
                                                inApp?: boolean;
                                                push?: boolean;
                                                sms?: boolean;
                                            };
                                        };
                                        accessibility?: {
                                            reducedMotion?: boolean;
                                            highContrast?: boolean;
                                            fontScale?: number;
                                            captions?: boolean;
                                        };
                                    };
                                    mfaEnabled: boolean;
                                    version: number;
                                    /** Format: date-time */
                                    createdAt: string;
                                };
                                account: {
                                    status: string;
                                    emailVerifiedAt: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** Format: date-time */
                                    updatedAt: string;
                                    failedSignIns: number;
                                    lockedUntil: string | null;
                                };
                                sessions: {
                                    id: string;
                                    methods: string[];
                                    userAgent: string | null;
                                    ip: string | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** Format: date-time */
                                    lastUsedAt: string;
                                    /** Format: date-time */
                                    expiresAt: string;
                                    revokedAt: string | null;
                                    revokedReason: string | null;
                                }[];
                                mfa: {
                                    totp: {
                                        enrolled: boolean;
                                        confirmedAt: string | null;
                                        createdAt: string | null;
                                    };
                                    recoveryCodesLeft: number;
                                };
                                /** @description Accounts at the tenant's SSO provider linked to this user */
                                identities: {
                                    issuer: string;
                                    subject: string;
                                }[];
                                emailLinks: {
                                    purpose: string;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** Format: date-time */
                                    expiresAt: string;
                                    usedAt: string | null;
                                }[];
                                apiKeysCreated: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    /** @description Enough of the key to recognise it, e.g. `tsk_…3f9a` */
                                    prefix: string;
                                    scopes: string[];
                                    status: "active" | "expired" | "revoked";
                                    /** Format: uuid */
                                    createdBy: string;
                                    /** Format: date-time */
                                    createdAt: string;
                                    expiresAt: string | null;
                                    /** @description Updated at most once a minute */
                                    lastUsedAt: string | null;
                                    revokedAt: string | null;
                                }[];
                            };
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tenants by slug
         * @description Requires the permission `identity.tenants.manage`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                slug: string;
                                name: string;
                                tier: "standard" | "enterprise";
                                status: "provisioning" | "active" | "suspended" | "deleted";
                                settings: {
                                    /** @default false */
                                    selfRegistration: boolean;
                                    /** @default [] */
                                    mfaRequiredRoles: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                                    /** @default {} */
                                    branding: {
                                        /** Format: uri */
                                        logoUrl?: string;
                                        primaryColor?: string;
                                        accentColor?: string;
                                    };
                                };
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a tenant (enterprise tenants get a database of their own)
         * @description Requires the permission `identity.tenants.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        slug: string;
                        name: string;
                        tier: "standard" | "enterprise";
                        admin?: {
                            /** Format: email */
                            email: string;
                            name: string;
                        };
                        settings?: {
                            selfRegistration?: boolean;
                            mfaRequiredRoles?: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                            branding?: {
                                /** Format: uri */
                                logoUrl?: string;
                                primaryColor?: string;
                                accentColor?: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            slug: string;
                            name: string;
                            tier: "standard" | "enterprise";
                            status: "provisioning" | "active" | "suspended" | "deleted";
                            settings: {
                                /** @default false */
                                selfRegistration: boolean;
                                /** @default [] */
                                mfaRequiredRoles: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                                /** @default {} */
                                branding: {
                                    /** Format: uri */
                                    logoUrl?: string;
                                    primaryColor?: string;
                                    accentColor?: string;
                                };
                            };
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a tenant
         * @description Requires the permission `identity.tenants.manage`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            slug: string;
                            name: string;
                            tier: "standard" | "enterprise";
                            status: "provisioning" | "active" | "suspended" | "deleted";
                            settings: {
                                /** @default false */
                                selfRegistration: boolean;
                                /** @default [] */
                                mfaRequiredRoles: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                                /** @default {} */
                                branding: {
                                    /** Format: uri */
                                    logoUrl?: string;
                                    primaryColor?: string;
                                    accentColor?: string;
                                };
                            };
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a tenant: its data is erased, its record anonymised
         * @description Export first: this cannot be undone. `confirm` must repeat the slug.
         *
         *     Requires the permission `identity.tenants.manage`.
         */
        delete: {
            parameters: {
                query: {
                    confirm: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/tenants/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend a tenant: its users can no longer sign in or use tokens
         * @description Requires the permission `identity.tenants.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            slug: string;
                            name: string;
                            tier: "standard" | "enterprise";
                            status: "provisioning" | "active" | "suspended" | "deleted";
                            settings: {
                                /** @default false */
                                selfRegistration: boolean;
                                /** @default [] */
                                mfaRequiredRoles: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                                /** @default {} */
                                branding: {
                                    /** Format: uri */
                                    logoUrl?: string;
                                    primaryColor?: string;
                                    accentColor?: string;
                                };
                            };
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/tenants/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lift a suspension
         * @description Requires the permission `identity.tenants.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            slug: string;
                            name: string;
                            tier: "standard" | "enterprise";
                            status: "provisioning" | "active" | "suspended" | "deleted";
                            settings: {
                                /** @default false */
                                selfRegistration: boolean;
                                /** @default [] */
                                mfaRequiredRoles: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                                /** @default {} */
                                branding: {
                                    /** Format: uri */
                                    logoUrl?: string;
                                    primaryColor?: string;
                                    accentColor?: string;
                                };
                            };
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platform/tenants/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export everything the tenant owns as JSON (offered before deletion)
         * @description Requires the permission `identity.tenants.manage`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenant: {
                                /** Format: uuid */
                                id: string;
                                slug: string;
                                name: string;
                                tier: "standard" | "enterprise";
                                status: "provisioning" | "active" | "suspended" | "deleted";
                                settings: {
                                    /** @default false */
                                    selfRegistration: boolean;
                                    /** @default [] */
                                    mfaRequiredRoles: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                                    /** @default {} */
                                    branding: {
                                        /** Format: uri */
                                        logoUrl?: string;
                                        primaryColor?: string;
                                        accentColor?: string;
                                    };
                                };
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                            };
                            /** Format: date-time */
                            exportedAt: string;
                            data: {
                                [key: string]: unknown[];
                            };
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your tenant with its settings
         * @description Requires the permission `identity.tenant.configure`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            slug: string;
                            name: string;
                            tier: "standard" | "enterprise";
                            status: "provisioning" | "active" | "suspended" | "deleted";
                            settings: {
                                /** @default false */
                                selfRegistration: boolean;
                                /** @default [] */
                                mfaRequiredRoles: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                                /** @default {} */
                                branding: {
                                    /** Format: uri */
                                    logoUrl?: string;
                                    primaryColor?: string;
                                    accentColor?: string;
                                };
                            };
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change your tenant's name, sign-up, MFA policy or branding (requires If-Match)
         * @description Requires the permission `identity.tenant.configure`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        settings?: {
                            selfRegistration?: boolean;
                            mfaRequiredRoles?: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                            branding?: {
                                /** Format: uri */
                                logoUrl?: string;
                                primaryColor?: string;
                                accentColor?: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            slug: string;
                            name: string;
                            tier: "standard" | "enterprise";
                            status: "provisioning" | "active" | "suspended" | "deleted";
                            settings: {
                                /** @default false */
                                selfRegistration: boolean;
                                /** @default [] */
                                mfaRequiredRoles: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                                /** @default {} */
                                branding: {
                                    /** Format: uri */
                                    logoUrl?: string;
                                    primaryColor?: string;
                                    accentColor?: string;
                                };
                            };
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tenants/{slug}/public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a sign-in page shows of an institution: name, branding, sign-in options
         * @description No credential needed.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            slug: string;
                            name: string;
                            /** @default {} */
                            branding: {
                                /** Format: uri */
                                logoUrl?: string;
                                primaryColor?: string;
                                accentColor?: string;
                            };
                            selfRegistration: boolean;
                            sso: boolean;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your tenant's users by email, optionally by role, status or a search
         * @description Requires the permission `identity.users.read`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                    role?: "student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin";
                    status?: "invited" | "active" | "deactivated";
                    /** @description Part of the email or name */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                tenantId: string;
                                email: string;
                                emailVerified: boolean;
                                name: string;
                                status: "invited" | "active" | "deactivated";
                                roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                                locale: string;
                                timeZone: string;
                                preferences: {
                                    notifications?: {
                                        [key: string]: {
                                            email?: boolean;
                                            inApp?: boolean;
                                            push?: boolean;
                                            sms?: boolean;
                                        };
                                    };
                                    accessibility?: {
                                        reducedMotion?: boolean;
                                        highContrast?: boolean;
                                        fontScale?: number;
                                        captions?: boolean;
                                    };
                                };
                                mfaEnabled: boolean;
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user (the ETag is their version)
         * @description Requires the permission `identity.users.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            tenantId: string;
                            email: string;
                            emailVerified: boolean;
                            name: string;
                            status: "invited" | "active" | "deactivated";
                            roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                            locale: string;
                            timeZone: string;
                            preferences: {
                                notifications?: {
                                    [key: string]: {
                                        email?: boolean;
                                        inApp?: boolean;
                                        push?: boolean;
                                        sms?: boolean;
                                    };
                                };
                                accessibility?: {
                                    reducedMotion?: boolean;
                                    highContrast?: boolean;
                                    fontScale?: number;
                                    captions?: boolean;
                                };
                            };
                            mfaEnabled: boolean;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename a user or set their roles (requires If-Match)
         * @description A role change emits identity.role.granted. The last active tenant admin cannot lose the role (409 IDENTITY.LAST_ADMIN).
         *
         *     Requires the permission `identity.users.manage`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        roles?: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            tenantId: string;
                            email: string;
                            emailVerified: boolean;
                            name: string;
                            status: "invited" | "active" | "deactivated";
                            roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                            locale: string;
                            timeZone: string;
                            preferences: {
                                notifications?: {
                                    [key: string]: {
                                        email?: boolean;
                                        inApp?: boolean;
                                        push?: boolean;
                                        sms?: boolean;
                                    };
                                };
                                accessibility?: {
                                    reducedMotion?: boolean;
                                    highContrast?: boolean;
                                    fontScale?: number;
                                    captions?: boolean;
                                };
                            };
                            mfaEnabled: boolean;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite a user by email
         * @description Creates the user (status invited) and emails a link valid 7 days. An email that already has a user is a 409.
         *
         *     Requires the permission `identity.users.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        roles: ("student" | "instructor" | "tutor" | "tenant_admin")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            tenantId: string;
                            email: string;
                            emailVerified: boolean;
                            name: string;
                            status: "invited" | "active" | "deactivated";
                            roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                            locale: string;
                            timeZone: string;
                            preferences: {
                                notifications?: {
                                    [key: string]: {
                                        email?: boolean;
                                        inApp?: boolean;
                                        push?: boolean;
                                        sms?: boolean;
                                    };
                                };
                                accessibility?: {
                                    reducedMotion?: boolean;
                                    highContrast?: boolean;
                                    fontScale?: number;
                                    captions?: boolean;
                                };
                            };
                            mfaEnabled: boolean;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/invitations/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite users from a CSV (header email,name,roles; at most 1000 rows, 200 KB)
         * @description Every row is checked; valid rows are invited, the others are listed in `errors` with their line. Roles are separated by `;` or `|`.
         *
         *     Requires the permission `identity.users.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description CSV with the header `email,name,roles` (roles separated by `;` or `|`), at most 1000 rows and 200 KB */
                        csv: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            invited: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                tenantId: string;
                                email: string;
                                emailVerified: boolean;
                                name: string;
                                status: "invited" | "active" | "deactivated";
                                roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                                locale: string;
                                timeZone: string;
                                preferences: {
                                    notifications?: {
                                        [key: string]: {
                                            email?: boolean;
                                            inApp?: boolean;
                                            push?: boolean;
                                            sms?: boolean;
                                        };
                                    };
                                    accessibility?: {
                                        reducedMotion?: boolean;
                                        highContrast?: boolean;
                                        fontScale?: number;
                                        captions?: boolean;
                                    };
                                };
                                mfaEnabled: boolean;
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            errors: {
                                line: number;
                                email: string;
                                detail: string;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/invitation/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a new invitation link (older links stop working)
         * @description Requires the permission `identity.users.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a user: sign-in refused, every session ended, access tokens refused at once
         * @description Requires the permission `identity.users.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            tenantId: string;
                            email: string;
                            emailVerified: boolean;
                            name: string;
                            status: "invited" | "active" | "deactivated";
                            roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                            locale: string;
                            timeZone: string;
                            preferences: {
                                notifications?: {
                                    [key: string]: {
                                        email?: boolean;
                                        inApp?: boolean;
                                        push?: boolean;
                                        sms?: boolean;
                                    };
                                };
                                accessibility?: {
                                    reducedMotion?: boolean;
                                    highContrast?: boolean;
                                    fontScale?: number;
                                    captions?: boolean;
                                };
                            };
                            mfaEnabled: boolean;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Let a deactivated user back in (invited again if they never set a password)
         * @description Requires the permission `identity.users.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            tenantId: string;
                            email: string;
                            emailVerified: boolean;
                            name: string;
                            status: "invited" | "active" | "deactivated";
                            roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                            locale: string;
                            timeZone: string;
                            preferences: {
                                notifications?: {
                                    [key: string]: {
                                        email?: boolean;
                                        inApp?: boolean;
                                        push?: boolean;
                                        sms?: boolean;
                                    };
                                };
                                accessibility?: {
                                    reducedMotion?: boolean;
                                    highContrast?: boolean;
                                    fontScale?: number;
                                    captions?: boolean;
                                };
                            };
                            mfaEnabled: boolean;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your tenant's API keys, newest first (never their secrets)
         * @description Requires the permission `identity.api_keys.manage`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description Enough of the key to recognise it, e.g. `tsk_…3f9a` */
                                prefix: string;
                                scopes: string[];
                                status: "active" | "expired" | "revoked";
                                /** Format: uuid */
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                                expiresAt: string | null;
                                /** @description Updated at most once a minute */
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API key (the full key is in this response only)
         * @description Scopes must be declared permissions that you hold yourself. Send the key as `Authorization: Bearer tsk_…`.
         *
         *     Requires the permission `identity.api_keys.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        scopes: string[];
                        /**
                         * Format: date-time
                         * @description In the future, at most two years away; none: the key lives until revoked
                         */
                        expiresAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            prefix: string;
                            scopes: string[];
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                            /** @description Send as `Authorization: Bearer <key>`. Shown once: store it now. */
                            key: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description It stops working at once on this server and within 30 seconds everywhere; it stays listed with `revokedAt`.
         *
         *     Requires the permission `identity.api_keys.manage`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sent messages, newest first (embedded mode; 404 MAIL.NOT_KEPT over SMTP)
         * @description Requires the permission `identity.mail.read`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                messageId: string;
                                to: string;
                                subject: string;
                                category: string | null;
                                tenantId: string | null;
                                /** Format: date-time */
                                sentAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/mail/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A sent message as message/rfc822
         * @description Requires the permission `identity.mail.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The raw message */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "message/rfc822": string;
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List pings, newest first
         * @description Requires the permission `example.pings.read`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                message: string;
                                /** @description Who wrote it; only they or a moderator may change it */
                                authorId: string | null;
                                version: number;
                                receipts: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a ping (emits example.ping.created)
         * @description Requires the permission `example.pings.write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            message: string;
                            /** @description Who wrote it; only they or a moderator may change it */
                            authorId: string | null;
                            version: number;
                            receipts: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a ping with its receipt count
         * @description Requires the permission `example.pings.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            message: string;
                            /** @description Who wrote it; only they or a moderator may change it */
                            authorId: string | null;
                            version: number;
                            receipts: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a ping message (requires If-Match)
         * @description Only its author may, or a holder of example.pings.moderate (instructors, tenant admins).
         *
         *     Requires the permission `example.pings.write`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            message: string;
                            /** @description Who wrote it; only they or a moderator may change it */
                            authorId: string | null;
                            version: number;
                            receipts: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List published courses (filters), or with view=draft the drafts one co-authors (all for admins)
         * @description Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    /** @description draft: the courses one co-authors (all for admins) */
                    view?: "published" | "draft";
                    status?: "draft" | "in_review" | "published" | "archived";
                    category?: string;
                    level?: "beginner" | "intermediate" | "advanced";
                    language?: string;
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                version: number;
                                title: string;
                                summary: string;
                                category: string | null;
                                language: string;
                                level: string;
                                tags: string[];
                                priceRef: string | null;
                                visibility: "public" | "tenant" | "unlisted";
                                /** Format: date-time */
                                publishedAt: string;
                            }[];
                            nextCursor: string | null;
                        } | {
                            items: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                status: "draft" | "in_review" | "published" | "archived";
                                version: number;
                                publishedVersion: number | null;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a draft course (the caller becomes its first instructor)
         * @description Requires the permission `catalog.content.author`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        summary?: string;
                        category?: string | null;
                        /** @description BCP 47 language tag, e.g. "en" or "pt-BR" */
                        language?: string;
                        level?: "beginner" | "intermediate" | "advanced";
                        tags?: string[];
                        priceRef?: string | null;
                        visibility?: "public" | "tenant" | "unlisted";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            summary: string;
                            category: string | null;
                            /** @description BCP 47 language tag, e.g. "en" or "pt-BR" */
                            language: string;
                            level: "beginner" | "intermediate" | "advanced";
                            tags: string[];
                            priceRef: string | null;
                            visibility: "public" | "tenant" | "unlisted";
                            status: "draft" | "in_review" | "published" | "archived";
                            version: number;
                            publishedVersion: number | null;
                            instructors: string[];
                            submittedBy: string | null;
                            submittedAt: string | null;
                            reviewedBy: string | null;
                            reviewedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The published version students see; with view=draft the draft with its tree (authors, reviewers)
         * @description A paid course shows its lessons' content only to staff and students with a place in it; others get its outline (lessons without blocks).
         *
         *     Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: {
                    view?: "published" | "draft";
                };
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            version: number;
                            title: string;
                            summary: string;
                            category: string | null;
                            /** @description BCP 47 language tag, e.g. "en" or "pt-BR" */
                            language: string;
                            level: "beginner" | "intermediate" | "advanced";
                            tags: string[];
                            priceRef: string | null;
                            visibility: "public" | "tenant" | "unlisted";
                            skills: string[];
                            instructors: string[];
                            modules: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                summary: string;
                                position: number;
                                lessons: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                    summary: string;
                                    position: number;
                                    skills: string[];
                                    blocks: {
                                        /** Format: uuid */
                                        id: string;
                                        kind: "rich_text" | "video" | "file" | "question";
                                        title: string | null;
                                        markdown: string | null;
                                        html: string | null;
                                        mediaId: string | null;
                                        itemId: string | null;
                                        /** @description Question blocks of a published version: the item version frozen with it (absent in drafts) */
                                        itemVersion?: number;
                                        position: number;
                                    }[];
                                }[];
                            }[];
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string | null;
                        } | {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            summary: string;
                            category: string | null;
                            /** @description BCP 47 language tag, e.g. "en" or "pt-BR" */
                            language: string;
                            level: "beginner" | "intermediate" | "advanced";
                            tags: string[];
                            priceRef: string | null;
                            visibility: "public" | "tenant" | "unlisted";
                            status: "draft" | "in_review" | "published" | "archived";
                            version: number;
                            publishedVersion: number | null;
                            instructors: string[];
                            submittedBy: string | null;
                            submittedAt: string | null;
                            reviewedBy: string | null;
                            reviewedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            modules: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                summary: string;
                                position: number;
                                lessons: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                    summary: string;
                                    position: number;
                                    skills: string[];
                                    blocks: {
                                        /** Format: uuid */
                                        id: string;
                                        kind: "rich_text" | "video" | "file" | "question";
                                        title: string | null;
                                        markdown: string | null;
                                        html: string | null;
                                        mediaId: string | null;
                                        itemId: string | null;
                                        /** @description Question blocks of a published version: the item version frozen with it (absent in drafts) */
                                        itemVersion?: number;
                                        position: number;
                                    }[];
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a course draft (requires If-Match; a published course becomes a new draft)
         * @description Requires the permission `catalog.content.author`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        summary?: string;
                        category?: string | null;
                        /** @description BCP 47 language tag, e.g. "en" or "pt-BR" */
                        language?: string;
                        level?: "beginner" | "intermediate" | "advanced";
                        tags?: string[];
                        priceRef?: string | null;
                        visibility?: "public" | "tenant" | "unlisted";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            summary: string;
                            category: string | null;
                            /** @description BCP 47 language tag, e.g. "en" or "pt-BR" */
                            language: string;
                            level: "beginner" | "intermediate" | "advanced";
                            tags: string[];
                            priceRef: string | null;
                            visibility: "public" | "tenant" | "unlisted";
                            status: "draft" | "in_review" | "published" | "archived";
                            version: number;
                            publishedVersion: number | null;
                            instructors: string[];
                            submittedBy: string | null;
                            submittedAt: string | null;
                            reviewedBy: string | null;
                            reviewedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/courses/{courseId}/instructors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The instructors (co-authors) of a course
         * @description Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            instructors: string[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a co-author (co-authors and admins only)
         * @description Requires the permission `catalog.content.author`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            instructors: string[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/instructors/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a co-author (not the last one)
         * @description Requires the permission `catalog.content.author`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            instructors: string[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The modules of a course draft, in order
         * @description Requires the permission `catalog.content.author`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                courseId: string;
                                title: string;
                                summary: string;
                                position: number;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a module (at position, default last)
         * @description Requires the permission `catalog.content.author`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        summary?: string;
                        /** @description 1-based place among its siblings; others shift */
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            title: string;
                            summary: string;
                            position: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/modules/{moduleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A module of a course draft
         * @description Requires the permission `catalog.content.author`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    moduleId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            title: string;
                            summary: string;
                            position: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Remove a module with its lessons
         * @description Co-authors of the course (or holders of catalog.content.manage_all) only; requires If-Match. The course moves to a new version; a published course becomes a draft again, students keep the published version.
         *
         *     Requires the permission `catalog.content.author`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    moduleId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename or move a module
         * @description Co-authors of the course (or holders of catalog.content.manage_all) only; requires If-Match. The course moves to a new version; a published course becomes a draft again, students keep the published version.
         *
         *     Requires the permission `catalog.content.author`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    moduleId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        summary?: string;
                        /** @description 1-based place among its siblings; others shift */
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            title: string;
                            summary: string;
                            position: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/modules/{moduleId}/lessons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The lessons of a module draft, in order
         * @description Requires the permission `catalog.content.author`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    moduleId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                courseId: string;
                                /** Format: uuid */
                                moduleId: string;
                                title: string;
                                summary: string;
                                position: number;
                                skills: string[];
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a lesson to a module
         * @description Requires the permission `catalog.content.author`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    moduleId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        summary?: string;
                        skills?: string[];
                        /** @description 1-based place among its siblings; others shift */
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            /** Format: uuid */
                            moduleId: string;
                            title: string;
                            summary: string;
                            position: number;
                            skills: string[];
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lessons/{lessonId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A lesson with its content as published (or of a given version); view=draft: the draft lesson (authors)
         * @description A paid course's content needs an enrollment in it (or, for a lesson, its purchase): otherwise 403 CATALOG.CONTENT_LOCKED with `courseId` and `lessonId`.
         *
         *     Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: {
                    view?: "published" | "draft";
                    /** @description A frozen version (a student in progress follows theirs) */
                    version?: number;
                };
                header?: never;
                path: {
                    lessonId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            version: number;
                            /** Format: uuid */
                            moduleId: string;
                            /** Format: uuid */
                            id: string;
                            title: string;
                            summary: string;
                            position: number;
                            skills: string[];
                            blocks: {
                                /** Format: uuid */
                                id: string;
                                kind: "rich_text" | "video" | "file" | "question";
                                title: string | null;
                                markdown: string | null;
                                html: string | null;
                                mediaId: string | null;
                                itemId: string | null;
                                /** @description Question blocks of a published version: the item version frozen with it (absent in drafts) */
                                itemVersion?: number;
                                position: number;
                            }[];
                        } | {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            /** Format: uuid */
                            moduleId: string;
                            title: string;
                            summary: string;
                            position: number;
                            skills: string[];
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Remove a lesson with its blocks
         * @description Co-authors of the course (or holders of catalog.content.manage_all) only; requires If-Match. The course moves to a new version; a published course becomes a draft again, students keep the published version.
         *
         *     Requires the permission `catalog.content.author`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    lessonId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change, reorder or move a lesson (moduleId: to another module of the course)
         * @description Co-authors of the course (or holders of catalog.content.manage_all) only; requires If-Match. The course moves to a new version; a published course becomes a draft again, students keep the published version.
         *
         *     Requires the permission `catalog.content.author`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    lessonId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        summary?: string;
                        skills?: string[];
                        /** @description 1-based place among its siblings; others shift */
                        position?: number;
                        /** Format: uuid */
                        moduleId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            /** Format: uuid */
                            moduleId: string;
                            title: string;
                            summary: string;
                            position: number;
                            skills: string[];
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/lessons/{lessonId}/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The blocks of a lesson draft, in order
         * @description Requires the permission `catalog.content.author`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    lessonId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                lessonId: string;
                                /** Format: uuid */
                                courseId: string;
                                kind: "rich_text" | "video" | "file" | "question";
                                title: string | null;
                                markdown: string | null;
                                html: string | null;
                                mediaId: string | null;
                                itemId: string | null;
                                position: number;
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a content block (rich text is sanitised; video/file take a mediaId, question an itemId)
         * @description Requires the permission `catalog.content.author`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    lessonId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: "rich_text" | "video" | "file" | "question";
                        title?: string | null;
                        /** @description rich_text: Markdown source (raw HTML in it is not rendered) */
                        markdown?: string;
                        /** @description rich_text: HTML, sanitised against an allow-list */
                        html?: string;
                        /** Format: uuid */
                        mediaId?: string;
                        /** Format: uuid */
                        itemId?: string;
                        /** @description 1-based place among its siblings; others shift */
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            lessonId: string;
                            /** Format: uuid */
                            courseId: string;
                            kind: "rich_text" | "video" | "file" | "question";
                            title: string | null;
                            markdown: string | null;
                            html: string | null;
                            mediaId: string | null;
                            itemId: string | null;
                            position: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/blocks/{blockId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A content block of a draft
         * @description Requires the permission `catalog.content.author`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    blockId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            lessonId: string;
                            /** Format: uuid */
                            courseId: string;
                            kind: "rich_text" | "video" | "file" | "question";
                            title: string | null;
                            markdown: string | null;
                            html: string | null;
                            mediaId: string | null;
                            itemId: string | null;
                            position: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Remove a content block
         * @description Co-authors of the course (or holders of catalog.content.manage_all) only; requires If-Match. The course moves to a new version; a published course becomes a draft again, students keep the published version.
         *
         *     Requires the permission `catalog.content.author`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    blockId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change or move a content block (its kind stays)
         * @description Co-authors of the course (or holders of catalog.content.manage_all) only; requires If-Match. The course moves to a new version; a published course becomes a draft again, students keep the published version.
         *
         *     Requires the permission `catalog.content.author`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    blockId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string | null;
                        /** @description rich_text: Markdown source (raw HTML in it is not rendered) */
                        markdown?: string;
                        /** @description rich_text: HTML, sanitised against an allow-list */
                        html?: string;
                        /** Format: uuid */
                        mediaId?: string;
                        /** Format: uuid */
                        itemId?: string;
                        /** @description 1-based place among its siblings; others shift */
                        position?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            lessonId: string;
                            /** Format: uuid */
                            courseId: string;
                            kind: "rich_text" | "video" | "file" | "question";
                            title: string | null;
                            markdown: string | null;
                            html: string | null;
                            mediaId: string | null;
                            itemId: string | null;
                            position: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/courses/{courseId}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The review history of a course (its co-authors and reviewers)
         * @description Requires the permission `catalog.content.author`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: "submitted" | "approved" | "rejected" | "published" | "archived";
                                actorId: string | null;
                                comment: string | null;
                                version: number | null;
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Submit a draft for review (co-authors; requires If-Match of the course)
         * @description Requires the permission `catalog.content.author`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            summary: string;
                            category: string | null;
                            /** @description BCP 47 language tag, e.g. "en" or "pt-BR" */
                            language: string;
                            level: "beginner" | "intermediate" | "advanced";
                            tags: string[];
                            priceRef: string | null;
                            visibility: "public" | "tenant" | "unlisted";
                            status: "draft" | "in_review" | "published" | "archived";
                            version: number;
                            publishedVersion: number | null;
                            instructors: string[];
                            submittedBy: string | null;
                            submittedAt: string | null;
                            reviewedBy: string | null;
                            reviewedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/review/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a course in review: publishes it as the next version
         * @description An invalid course is refused with 422 and `problems`, one entry per problem (all of them).
         *
         *     Requires the permission `catalog.content.review`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            version: number;
                            title: string;
                            summary: string;
                            category: string | null;
                            /** @description BCP 47 language tag, e.g. "en" or "pt-BR" */
                            language: string;
                            level: "beginner" | "intermediate" | "advanced";
                            tags: string[];
                            priceRef: string | null;
                            visibility: "public" | "tenant" | "unlisted";
                            skills: string[];
                            instructors: string[];
                            modules: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                summary: string;
                                position: number;
                                lessons: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                    summary: string;
                                    position: number;
                                    skills: string[];
                                    blocks: {
                                        /** Format: uuid */
                                        id: string;
                                        kind: "rich_text" | "video" | "file" | "question";
                                        title: string | null;
                                        markdown: string | null;
                                        html: string | null;
                                        mediaId: string | null;
                                        itemId: string | null;
                                        /** @description Question blocks of a published version: the item version frozen with it (absent in drafts) */
                                        itemVersion?: number;
                                        position: number;
                                    }[];
                                }[];
                            }[];
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/review/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a course in review back to draft, saying why
         * @description Requires the permission `catalog.content.review`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            summary: string;
                            category: string | null;
                            /** @description BCP 47 language tag, e.g. "en" or "pt-BR" */
                            language: string;
                            level: "beginner" | "intermediate" | "advanced";
                            tags: string[];
                            priceRef: string | null;
                            visibility: "public" | "tenant" | "unlisted";
                            status: "draft" | "in_review" | "published" | "archived";
                            version: number;
                            publishedVersion: number | null;
                            instructors: string[];
                            submittedBy: string | null;
                            submittedAt: string | null;
                            reviewedBy: string | null;
                            reviewedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a draft (or a course in review) as the next version
         * @description An invalid course is refused with 422 and `problems`, one entry per problem (all of them).
         *
         *     Requires the permission `catalog.content.review`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            version: number;
                            title: string;
                            summary: string;
                            category: string | null;
                            /** @description BCP 47 language tag, e.g. "en" or "pt-BR" */
                            language: string;
                            level: "beginner" | "intermediate" | "advanced";
                            tags: string[];
                            priceRef: string | null;
                            visibility: "public" | "tenant" | "unlisted";
                            skills: string[];
                            instructors: string[];
                            modules: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                summary: string;
                                position: number;
                                lessons: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                    summary: string;
                                    position: number;
                                    skills: string[];
                                    blocks: {
                                        /** Format: uuid */
                                        id: string;
                                        kind: "rich_text" | "video" | "file" | "question";
                                        title: string | null;
                                        markdown: string | null;
                                        html: string | null;
                                        mediaId: string | null;
                                        itemId: string | null;
                                        /** @description Question blocks of a published version: the item version frozen with it (absent in drafts) */
                                        itemVersion?: number;
                                        position: number;
                                    }[];
                                }[];
                            }[];
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a course: it leaves catalogs and search; enrolled students keep their version
         * @description Requires the permission `catalog.content.review`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            summary: string;
                            category: string | null;
                            /** @description BCP 47 language tag, e.g. "en" or "pt-BR" */
                            language: string;
                            level: "beginner" | "intermediate" | "advanced";
                            tags: string[];
                            priceRef: string | null;
                            visibility: "public" | "tenant" | "unlisted";
                            status: "draft" | "in_review" | "published" | "archived";
                            version: number;
                            publishedVersion: number | null;
                            instructors: string[];
                            submittedBy: string | null;
                            submittedAt: string | null;
                            reviewedBy: string | null;
                            reviewedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The published versions of a course, newest first
         * @description Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                version: number;
                                title: string;
                                /** Format: date-time */
                                publishedAt: string;
                                publishedBy: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A frozen published version (students keep the version they enrolled in)
         * @description A paid course's content needs an enrollment in it (or, for a lesson, its purchase): otherwise 403 CATALOG.CONTENT_LOCKED with `courseId` and `lessonId`.
         *
         *     Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            version: number;
                            title: string;
                            summary: string;
                            category: string | null;
                            /** @description BCP 47 language tag, e.g. "en" or "pt-BR" */
                            language: string;
                            level: "beginner" | "intermediate" | "advanced";
                            tags: string[];
                            priceRef: string | null;
                            visibility: "public" | "tenant" | "unlisted";
                            skills: string[];
                            instructors: string[];
                            modules: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                summary: string;
                                position: number;
                                lessons: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                    summary: string;
                                    position: number;
                                    skills: string[];
                                    blocks: {
                                        /** Format: uuid */
                                        id: string;
                                        kind: "rich_text" | "video" | "file" | "question";
                                        title: string | null;
                                        markdown: string | null;
                                        html: string | null;
                                        mediaId: string | null;
                                        itemId: string | null;
                                        /** @description Question blocks of a published version: the item version frozen with it (absent in drafts) */
                                        itemVersion?: number;
                                        position: number;
                                    }[];
                                }[];
                            }[];
                            /** Format: date-time */
                            publishedAt: string;
                            publishedBy: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/structure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Modules and lessons of the published version (or a given version, or the draft for authors)
         * @description Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: {
                    view?: "published" | "draft";
                    /** @description A frozen version (a student in progress follows theirs) */
                    version?: number;
                };
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            /** @description The published version, or the draft version with ?view=draft */
                            version: number;
                            modules: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                position: number;
                                lessons: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                    position: number;
                                    skills: string[];
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lessons/{lessonId}/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The lesson after this one in the published course (or a given version); next is null after the last
         * @description Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description A frozen version (a student in progress follows theirs) */
                    version?: number;
                };
                header?: never;
                path: {
                    lessonId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            version: number;
                            /** Format: uuid */
                            lessonId: string;
                            next: {
                                /** Format: uuid */
                                lessonId: string;
                                /** Format: uuid */
                                moduleId: string;
                                title: string;
                                position: number;
                                newModule: boolean;
                            } | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/content/{kind}/{id}/prerequisites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Skills a course, lesson or skill requires, transitively, that it does not teach itself
         * @description Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: {
                    view?: "published" | "draft";
                };
                header?: never;
                path: {
                    kind: "course" | "lesson" | "skill";
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kind: "course" | "lesson" | "skill";
                            /** Format: uuid */
                            id: string;
                            teaches: string[];
                            requires: {
                                /** Format: uuid */
                                skillId: string;
                                name: string;
                                depth: number;
                                /** @description An earlier lesson of the course that teaches it, if any */
                                taughtIn: string | null;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lessons/{lessonId}/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An item a question block of the published lesson embeds, as students see it (never its answers)
         * @description The item version frozen with the course version (the current one, or `version`), never a later one; 404 unless that lesson embeds it. A paid course's lesson needs an enrollment in the course or the lesson's purchase: otherwise 403 CATALOG.CONTENT_LOCKED with `courseId` and `lessonId`.
         *
         *     Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description A frozen version of the course (a student in progress follows theirs) */
                    version?: number;
                };
                header?: never;
                path: {
                    lessonId: string;
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "single_choice" | "multiple_choice" | "true_false" | "numeric" | "short_text" | "ordering" | "matching" | "cloze" | "essay" | "code";
                            title: string;
                            stem: string;
                            /** @enum {string} */
                            status?: "draft" | "in_review" | "published" | "archived";
                            /** @description The draft version (ETag) for authors; the frozen version in delivery views */
                            version: number;
                            publishedVersion?: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/skills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's skills by name
         * @description Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                description: string;
                                prerequisites: string[];
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a skill (emits catalog.skill_graph.changed)
         * @description Requires the permission `catalog.content.author`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string;
                            prerequisites: string[];
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/skills/{skillId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A skill with the skills it directly requires
         * @description Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    skillId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string;
                            prerequisites: string[];
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename or describe a skill (requires If-Match)
         * @description Requires the permission `catalog.content.author`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    skillId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string;
                            prerequisites: string[];
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/skills/{skillId}/prerequisites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every skill a skill requires, transitively, with its distance
         * @description Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    skillId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kind: "course" | "lesson" | "skill";
                            /** Format: uuid */
                            id: string;
                            teaches: string[];
                            requires: {
                                /** Format: uuid */
                                skillId: string;
                                name: string;
                                depth: number;
                                /** @description An earlier lesson of the course that teaches it, if any */
                                taughtIn: string | null;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Set the skills a skill directly requires (requires If-Match)
         * @description A change that would close a cycle is refused with 422; `cycle` names it in order, e.g. ["A", "B", "C", "A"].
         *
         *     Requires the permission `catalog.content.author`.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description The ETag last read, e.g. "3" */
                    "if-match"?: string;
                };
                path: {
                    skillId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        requires: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string;
                            prerequisites: string[];
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the tenant's published courses, lessons and items
         * @description Full text over the tenant's published courses, their lessons and, for readers of the question bank (catalog.items.read; not students), its published items (kind=item: title, question and choices as students see them; never drafts, answers, feedback or hints). Every word matches as a prefix, ranked (title over summary over body), with facets over all matches and snippets whose matches are in <mark> (the rest is HTML-escaped). Total and facet counts are exact up to 500 matches; past that, facetsCapped is true, total is 500 and facets count the first 500 matches (title matches first), among which the hits are ranked. Snippets come from the first 5,000 characters of a document.
         *
         *     Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query: {
                    q?: string;
                    kind?: "course" | "lesson" | "item";
                    category?: string;
                    level?: string;
                    language?: string;
                    /** @description All must match */
                    tags?: string[];
                    /** @description Any may match */
                    skills?: string[];
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                kind: "course" | "lesson" | "item";
                                /** Format: uuid */
                                id: string;
                                courseId: string | null;
                                /** Format: uuid */
                                tenantId: string;
                                version: number;
                                title: string;
                                snippet: string;
                                score: number;
                                category: string | null;
                                level: string | null;
                                language: string | null;
                                tags: string[];
                            }[];
                            nextCursor: string | null;
                            /** @description Number of matches, counted up to 500; a lower bound when facetsCapped */
                            total: number;
                            facets: {
                                category: {
                                    value: string;
                                    count: number;
                                }[];
                                level: {
                                    value: string;
                                    count: number;
                                }[];
                                language: {
                                    value: string;
                                    count: number;
                                }[];
                                tags: {
                                    value: string;
                                    count: number;
                                }[];
                                kind: {
                                    value: string;
                                    count: number;
                                }[];
                            };
                            /** @description More than 500 documents matched: total and facets cover the first 500 only */
                            facetsCapped: boolean;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the public courses of every tenant
         * @description Full text over public courses and their lessons (never items). Every word matches as a prefix, ranked (title over summary over body), with facets over all matches and snippets whose matches are in <mark> (the rest is HTML-escaped). Total and facet counts are exact up to 500 matches; past that, facetsCapped is true, total is 500 and facets count the first 500 matches (title matches first), among which the hits are ranked. Snippets come from the first 5,000 characters of a document. Public courses of active tenants of the shared database only: suspended and deleted tenants are left out, and so are enterprise tenants (their content lives in a database of their own).
         *
         *     No credential needed.
         */
        get: {
            parameters: {
                query: {
                    q?: string;
                    kind?: "course" | "lesson" | "item";
                    category?: string;
                    level?: string;
                    language?: string;
                    /** @description All must match */
                    tags?: string[];
                    /** @description Any may match */
                    skills?: string[];
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                kind: "course" | "lesson" | "item";
                                /** Format: uuid */
                                id: string;
                                courseId: string | null;
                                /** Format: uuid */
                                tenantId: string;
                                version: number;
                                title: string;
                                snippet: string;
                                score: number;
                                category: string | null;
                                level: string | null;
                                language: string | null;
                                tags: string[];
                            }[];
                            nextCursor: string | null;
                            /** @description Number of matches, counted up to 500; a lower bound when facetsCapped */
                            total: number;
                            facets: {
                                category: {
                                    value: string;
                                    count: number;
                                }[];
                                level: {
                                    value: string;
                                    count: number;
                                }[];
                                language: {
                                    value: string;
                                    count: number;
                                }[];
                                tags: {
                                    value: string;
                                    count: number;
                                }[];
                                kind: {
                                    value: string;
                                    count: number;
                                }[];
                            };
                            /** @description More than 500 documents matched: total and facets cover the first 500 only */
                            facetsCapped: boolean;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public catalog: public courses of every tenant, newest first
         * @description Public courses of active tenants of the shared database only: suspended and deleted tenants are left out, and so are enterprise tenants (their content lives in a database of their own).
         *
         *     No credential needed.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    category?: string;
                    level?: "beginner" | "intermediate" | "advanced";
                    language?: string;
                    tag?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                tenantId: string;
                                /** Format: uuid */
                                id: string;
                                version: number;
                                title: string;
                                summary: string;
                                category: string | null;
                                language: string;
                                level: string;
                                tags: string[];
                                priceRef: string | null;
                                visibility: "public" | "tenant" | "unlisted";
                                /** Format: date-time */
                                publishedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/courses/{courseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A public course as published
         * @description Public courses of active tenants of the shared database only: suspended and deleted tenants are left out, and so are enterprise tenants (their content lives in a database of their own).
         *
         *     No credential needed.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            tenantId: string;
                            /** Format: uuid */
                            id: string;
                            version: number;
                            title: string;
                            summary: string;
                            category: string | null;
                            /** @description BCP 47 language tag, e.g. "en" or "pt-BR" */
                            language: string;
                            level: "beginner" | "intermediate" | "advanced";
                            tags: string[];
                            priceRef: string | null;
                            visibility: "public" | "tenant" | "unlisted";
                            skills: string[];
                            modules: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                summary: string;
                                position: number;
                                lessons: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                    summary: string;
                                    position: number;
                                    skills: string[];
                                    blocks: {
                                        /** Format: uuid */
                                        id: string;
                                        kind: "rich_text" | "video" | "file" | "question";
                                        title: string | null;
                                        markdown: string | null;
                                        html: string | null;
                                        mediaId: string | null;
                                        itemId: string | null;
                                        /** @description Question blocks of a published version: the item version frozen with it (absent in drafts) */
                                        itemVersion?: number;
                                        position: number;
                                    }[];
                                }[];
                            }[];
                            /** Format: date-time */
                            publishedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List items, newest first (staff; tutors: published ones, without answers)
         * @description Requires the permission `catalog.items.read`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                    type?: "single_choice" | "multiple_choice" | "true_false" | "numeric" | "short_text" | "ordering" | "matching" | "cloze" | "essay" | "code";
                    skill?: string;
                    /** @description Authors only: items with unpublished changes (draft), waiting for review, published or archived */
                    status?: "draft" | "in_review" | "published" | "archived";
                    /** @description Words of the title or question text */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                type: "single_choice" | "multiple_choice" | "true_false" | "numeric" | "short_text" | "ordering" | "matching" | "cloze" | "essay" | "code";
                                title: string;
                                stem: string;
                                /** @enum {string} */
                                status?: "draft" | "in_review" | "published" | "archived";
                                /** @description The draft version (ETag) for authors; the frozen version in delivery views */
                                version: number;
                                publishedVersion?: number | null;
                            } & {
                                [key: string]: unknown;
                            })[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a draft item
         * @description Requires the permission `catalog.content.author`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "single_choice";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        options: {
                            /** @description QTI identifier */
                            id: string;
                            text: string;
                            correct: boolean;
                            feedback?: string;
                        }[];
                        shuffle?: boolean;
                    } | {
                        /** @enum {string} */
                        type: "multiple_choice";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        options: {
                            /** @description QTI identifier */
                            id: string;
                            text: string;
                            correct: boolean;
                            feedback?: string;
                        }[];
                        shuffle?: boolean;
                    } | {
                        /** @enum {string} */
                        type: "true_false";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        answer: boolean | null;
                        feedbackTrue?: string;
                        feedbackFalse?: string;
                    } | {
                        /** @enum {string} */
                        type: "numeric";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        value: number | null;
                        tolerance?: {
                            mode: "absolute" | "relative";
                            amount: number;
                        };
                        unit?: string;
                        unitAliases?: string[];
                    } | {
                        /** @enum {string} */
                        type: "short_text";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        accepted: string[];
                        /** @description Regular expressions, refused when they could backtrack catastrophically */
                        patterns?: string[];
                        normalise?: {
                            /** @description default false */
                            caseSensitive?: boolean;
                            /** @description trim and collapse runs of spaces; default true */
                            collapseWhitespace?: boolean;
                            /** @description NFKC normalisation; default true */
                            unicode?: boolean;
                            /** @description é = e; default false */
                            ignoreDiacritics?: boolean;
                        };
                    } | {
                        /** @enum {string} */
                        type: "ordering";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        choices: {
                            /** @description QTI identifier */
                            id: string;
                            text: string;
                        }[];
                        correctOrder: string[];
                    } | {
                        /** @enum {string} */
                        type: "matching";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        sources: {
                            /** @description QTI identifier */
                            id: string;
                            text: string;
                        }[];
                        targets: {
                            /** @description QTI identifier */
                            id: string;
                            text: string;
                        }[];
                        pairs: {
                            /** @description QTI identifier */
                            source: string;
                            /** @description QTI identifier */
                            target: string;
                        }[];
                    } | {
                        /** @enum {string} */
                        type: "cloze";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        /** @description The stem marks each gap as {{gapId}} */
                        gaps: ({
                            /** @description QTI identifier */
                            id: string;
                            /** @enum {string} */
                            kind: "text";
                            accepted: string[];
                            caseSensitive?: boolean;
                        } | {
                            /** @description QTI identifier */
                            id: string;
                            /** @enum {string} */
                            kind: "choice";
                            choices: {
                                /** @description QTI identifier */
                                id: string;
                                text: string;
                            }[];
                            correct: string | null;
                        })[];
                    } | {
                        /** @enum {string} */
                        type: "essay";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        rubric: {
                            criterion: string;
                            points: number;
                        }[];
                        expectedWords?: number;
                    } | {
                        /** @enum {string} */
                        type: "code";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        language: string;
                        starterCode?: string;
                        testCases: {
                            input: string;
                            expected: string;
                            /** @description Hidden cases are never shown to students */
                            hidden: boolean;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "single_choice" | "multiple_choice" | "true_false" | "numeric" | "short_text" | "ordering" | "matching" | "cloze" | "essay" | "code";
                            title: string;
                            stem: string;
                            /** @enum {string} */
                            status?: "draft" | "in_review" | "published" | "archived";
                            /** @description The draft version (ETag) for authors; the frozen version in delivery views */
                            version: number;
                            publishedVersion?: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an item (staff): the draft for authors, the latest published version without answers for tutors
         * @description Requires the permission `catalog.items.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "single_choice" | "multiple_choice" | "true_false" | "numeric" | "short_text" | "ordering" | "matching" | "cloze" | "essay" | "code";
                            title: string;
                            stem: string;
                            /** @enum {string} */
                            status?: "draft" | "in_review" | "published" | "archived";
                            /** @description The draft version (ETag) for authors; the frozen version in delivery views */
                            version: number;
                            publishedVersion?: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace a draft (requires If-Match)
         * @description Only its author may, or a holder of catalog.content.manage_all.
         *
         *     Requires the permission `catalog.content.author`.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "single_choice";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        options: {
                            /** @description QTI identifier */
                            id: string;
                            text: string;
                            correct: boolean;
                            feedback?: string;
                        }[];
                        shuffle?: boolean;
                    } | {
                        /** @enum {string} */
                        type: "multiple_choice";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        options: {
                            /** @description QTI identifier */
                            id: string;
                            text: string;
                            correct: boolean;
                            feedback?: string;
                        }[];
                        shuffle?: boolean;
                    } | {
                        /** @enum {string} */
                        type: "true_false";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        answer: boolean | null;
                        feedbackTrue?: string;
                        feedbackFalse?: string;
                    } | {
                        /** @enum {string} */
                        type: "numeric";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        value: number | null;
                        tolerance?: {
                            mode: "absolute" | "relative";
                            amount: number;
                        };
                        unit?: string;
                        unitAliases?: string[];
                    } | {
                        /** @enum {string} */
                        type: "short_text";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        accepted: string[];
                        /** @description Regular expressions, refused when they could backtrack catastrophically */
                        patterns?: string[];
                        normalise?: {
                            /** @description default false */
                            caseSensitive?: boolean;
                            /** @description trim and collapse runs of spaces; default true */
                            collapseWhitespace?: boolean;
                            /** @description NFKC normalisation; default true */
                            unicode?: boolean;
                            /** @description é = e; default false */
                            ignoreDiacritics?: boolean;
                        };
                    } | {
                        /** @enum {string} */
                        type: "ordering";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        choices: {
                            /** @description QTI identifier */
                            id: string;
                            text: string;
                        }[];
                        correctOrder: string[];
                    } | {
                        /** @enum {string} */
                        type: "matching";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        sources: {
                            /** @description QTI identifier */
                            id: string;
                            text: string;
                        }[];
                        targets: {
                            /** @description QTI identifier */
                            id: string;
                            text: string;
                        }[];
                        pairs: {
                            /** @description QTI identifier */
                            source: string;
                            /** @description QTI identifier */
                            target: string;
                        }[];
                    } | {
                        /** @enum {string} */
                        type: "cloze";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        /** @description The stem marks each gap as {{gapId}} */
                        gaps: ({
                            /** @description QTI identifier */
                            id: string;
                            /** @enum {string} */
                            kind: "text";
                            accepted: string[];
                            caseSensitive?: boolean;
                        } | {
                            /** @description QTI identifier */
                            id: string;
                            /** @enum {string} */
                            kind: "choice";
                            choices: {
                                /** @description QTI identifier */
                                id: string;
                                text: string;
                            }[];
                            correct: string | null;
                        })[];
                    } | {
                        /** @enum {string} */
                        type: "essay";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        rubric: {
                            criterion: string;
                            points: number;
                        }[];
                        expectedWords?: number;
                    } | {
                        /** @enum {string} */
                        type: "code";
                        title: string;
                        stem: string;
                        skills?: string[];
                        difficulty?: number | null;
                        irt?: {
                            /** @description discrimination */
                            a?: number;
                            /** @description difficulty on the ability scale */
                            b: number;
                            /** @description guessing */
                            c?: number;
                        } | null;
                        /** @description Shown after answering: always (general), or depending on the outcome */
                        feedback?: {
                            general?: string;
                            correct?: string;
                            incorrect?: string;
                        };
                        /** @description Shown one after another, in order */
                        hints?: string[];
                        courseId?: string | null;
                        language: string;
                        starterCode?: string;
                        testCases: {
                            input: string;
                            expected: string;
                            /** @description Hidden cases are never shown to students */
                            hidden: boolean;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "single_choice" | "multiple_choice" | "true_false" | "numeric" | "short_text" | "ordering" | "matching" | "cloze" | "essay" | "code";
                            title: string;
                            stem: string;
                            /** @enum {string} */
                            status?: "draft" | "in_review" | "published" | "archived";
                            /** @description The draft version (ETag) for authors; the frozen version in delivery views */
                            version: number;
                            publishedVersion?: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete a draft that was never published (requires If-Match)
         * @description Requires the permission `catalog.content.author`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/{itemId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the draft as a new frozen version (emits catalog.item.published)
         * @description 422 lists every problem that keeps the item from being published. If-Match is optional.
         *
         *     Requires the permission `catalog.content.author`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "single_choice" | "multiple_choice" | "true_false" | "numeric" | "short_text" | "ordering" | "matching" | "cloze" | "essay" | "code";
                            title: string;
                            stem: string;
                            /** @enum {string} */
                            status?: "draft" | "in_review" | "published" | "archived";
                            /** @description The draft version (ETag) for authors; the frozen version in delivery views */
                            version: number;
                            publishedVersion?: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/{itemId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a published (frozen) version (staff); tutors get it without answers
         * @description Requires the permission `catalog.items.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    itemId: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "single_choice" | "multiple_choice" | "true_false" | "numeric" | "short_text" | "ordering" | "matching" | "cloze" | "essay" | "code";
                            title: string;
                            stem: string;
                            /** @enum {string} */
                            status?: "draft" | "in_review" | "published" | "archived";
                            /** @description The draft version (ETag) for authors; the frozen version in delivery views */
                            version: number;
                            publishedVersion?: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import items as drafts (JSON, or QTI 2.1/3.0 XML), all or nothing
         * @description Hostile XML (DOCTYPE, entities) is refused with 422 ITEMS.QTI_DOCTYPE_REFUSED; malformed XML with 400 ITEMS.QTI_MALFORMED.
         *
         *     Requires the permission `catalog.content.author`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        format: "json";
                        content: {
                            /** @enum {string} */
                            format?: "json";
                            itemIds?: string[];
                            /** @description Items as POST /items takes them */
                            items: unknown[];
                        };
                    } | {
                        /** @enum {string} */
                        format: "qti";
                        content: string | {
                            /** @enum {string} */
                            format?: "qti";
                            version?: "2.1" | "3.0";
                            items: {
                                /** Format: uuid */
                                itemId?: string;
                                identifier?: string;
                                xml: string;
                                /** @description What a Tessera export carries next to the XML */
                                metadata?: {
                                    [key: string]: unknown;
                                };
                            }[];
                        };
                    };
                    "application/xml": string;
                    "text/xml": string;
                    "application/qti+xml": string;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                type: "single_choice" | "multiple_choice" | "true_false" | "numeric" | "short_text" | "ordering" | "matching" | "cloze" | "essay" | "code";
                                title: string;
                                stem: string;
                                /** @enum {string} */
                                status?: "draft" | "in_review" | "published" | "archived";
                                /** @description The draft version (ETag) for authors; the frozen version in delivery views */
                                version: number;
                                publishedVersion?: number | null;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export items as JSON or QTI (2.1 or 3.0, default 3.0)
         * @description Requires the permission `catalog.content.author`.
         */
        get: {
            parameters: {
                query: {
                    format: "json" | "qti";
                    version?: "2.1" | "3.0";
                    /** @description Comma-separated item ids (at most 100) */
                    ids: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            format: string;
                            version?: string;
                            itemIds?: string[];
                            items: unknown[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/{itemId}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The review history of an item: who submitted, approved, rejected, published or archived it, and when
         * @description Requires the permission `catalog.content.author`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: "submitted" | "approved" | "rejected" | "published" | "archived";
                                actorId: string | null;
                                comment: string | null;
                                version: number | null;
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Submit a draft item for review (requires If-Match); it cannot be edited until a reviewer decides
         * @description Requires the permission `catalog.content.author`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "single_choice" | "multiple_choice" | "true_false" | "numeric" | "short_text" | "ordering" | "matching" | "cloze" | "essay" | "code";
                            title: string;
                            stem: string;
                            /** @enum {string} */
                            status?: "draft" | "in_review" | "published" | "archived";
                            /** @description The draft version (ETag) for authors; the frozen version in delivery views */
                            version: number;
                            publishedVersion?: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/{itemId}/review/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve an item in review: publishes it as its next version (emits catalog.item.published)
         * @description 422 lists every problem that keeps the item from being published. Requires If-Match.
         *
         *     Requires the permission `catalog.content.review`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "single_choice" | "multiple_choice" | "true_false" | "numeric" | "short_text" | "ordering" | "matching" | "cloze" | "essay" | "code";
                            title: string;
                            stem: string;
                            /** @enum {string} */
                            status?: "draft" | "in_review" | "published" | "archived";
                            /** @description The draft version (ETag) for authors; the frozen version in delivery views */
                            version: number;
                            publishedVersion?: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/{itemId}/review/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an item in review back to draft, saying why (requires If-Match)
         * @description Requires the permission `catalog.content.review`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "single_choice" | "multiple_choice" | "true_false" | "numeric" | "short_text" | "ordering" | "matching" | "cloze" | "essay" | "code";
                            title: string;
                            stem: string;
                            /** @enum {string} */
                            status?: "draft" | "in_review" | "published" | "archived";
                            /** @description The draft version (ETag) for authors; the frozen version in delivery views */
                            version: number;
                            publishedVersion?: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/items/{itemId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive an item: it leaves search and new course versions; courses and exams keep the versions they hold
         * @description Requires the permission `catalog.content.review`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "single_choice" | "multiple_choice" | "true_false" | "numeric" | "short_text" | "ordering" | "matching" | "cloze" | "essay" | "code";
                            title: string;
                            stem: string;
                            /** @enum {string} */
                            status?: "draft" | "in_review" | "published" | "archived";
                            /** @description The draft version (ETag) for authors; the frozen version in delivery views */
                            version: number;
                            publishedVersion?: number | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file (the raw bytes as the body)
         * @description The type is recognised from the content: PNG, JPEG, GIF, WebP, MP4, WebM, Ogg, MP3, WAV, M4A and PDF. SVG, HTML and anything unrecognised are refused (415). Limits: images 10 MB, video 500 MB, audio and documents 50 MB (413).
         *
         *     Requires the permission `catalog.media.upload`.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Name shown on download; its extension is corrected to the detected type */
                    filename?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            kind: "image" | "video" | "audio" | "document";
                            /** @description Recognised from the content, not taken from the upload */
                            contentType: string;
                            filename: string;
                            size: number;
                            /** @description Also the ETag of the content */
                            sha256: string;
                            width: number | null;
                            height: number | null;
                            durationSeconds: number | null;
                            pageCount: number | null;
                            thumbnail: {
                                /** @enum {string} */
                                contentType: "image/webp";
                                width: number;
                                height: number;
                                size: number;
                                sha256: string;
                            } | null;
                            uploadedBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            contentUrl: string;
                            thumbnailUrl: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{mediaId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Describe an uploaded file
         * @description Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mediaId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            kind: "image" | "video" | "audio" | "document";
                            /** @description Recognised from the content, not taken from the upload */
                            contentType: string;
                            filename: string;
                            size: number;
                            /** @description Also the ETag of the content */
                            sha256: string;
                            width: number | null;
                            height: number | null;
                            durationSeconds: number | null;
                            pageCount: number | null;
                            thumbnail: {
                                /** @enum {string} */
                                contentType: "image/webp";
                                width: number;
                                height: number;
                                size: number;
                                sha256: string;
                            } | null;
                            uploadedBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            contentUrl: string;
                            thumbnailUrl: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{mediaId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The file (Range, If-None-Match and If-Range honoured)
         * @description Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mediaId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bytes (or the requested range) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description The bytes (or the requested range) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /**
         * The file (Range, If-None-Match and If-Range honoured)
         * @description Requires the permission `catalog.content.read`.
         */
        head: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mediaId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bytes (or the requested range) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description The bytes (or the requested range) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{mediaId}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Signed links to the file and its thumbnail that work without an Authorization header, for 15 minutes
         * @description For a browser's <video>, <img> and downloads, which cannot send a bearer token. Anyone holding a link can read that one file until it expires; ask for new links after that (a playing video asks again when its link expires).
         *
         *     Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mediaId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description GET/HEAD the file (ranges honoured) without a credential until expiresAt */
                            contentUrl: string;
                            thumbnailUrl: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media-links/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A file through a signed link (Range, If-None-Match and If-Range honoured)
         * @description No credential needed.
         */
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bytes (or the requested range) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description The bytes (or the requested range) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /**
         * A file through a signed link (Range, If-None-Match and If-Range honoured)
         * @description No credential needed.
         */
        head: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bytes (or the requested range) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description The bytes (or the requested range) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        patch?: never;
        trace?: never;
    };
    "/api/v1/media-links/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An image's thumbnail through a signed link
         * @description No credential needed.
         */
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bytes (or the requested range) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description The bytes (or the requested range) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /**
         * An image's thumbnail through a signed link
         * @description No credential needed.
         */
        head: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bytes (or the requested range) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description The bytes (or the requested range) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{mediaId}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A 320-pixel WebP thumbnail of an image
         * @description Requires the permission `catalog.content.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mediaId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bytes (or the requested range) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description The bytes (or the requested range) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /**
         * A 320-pixel WebP thumbnail of an image
         * @description Requires the permission `catalog.content.read`.
         */
        head: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    mediaId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The bytes (or the requested range) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description The bytes (or the requested range) */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": string;
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/enroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enroll yourself, or (with enrollment.manage) another user, in the latest published version of a course
         * @description Free course: active at once. Paid: pending_payment until billing captures the payment. Full course: waitlisted when it has a waitlist, 409 ENROLLMENT.COURSE_FULL otherwise. Outside the enrollment window: 422. Already enrolled: 409 ENROLLMENT.ALREADY_ENROLLED with the enrollmentId. Staff enrollments are complimentary and ignore the window.
         *
         *     Requires the permission `enrollment.self`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            /** Format: uuid */
                            userId: string;
                            /** @description The published course version the student learns; kept when a newer version is published */
                            courseVersion: number;
                            status: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                            priceRef: string | null;
                            waitlistPosition: number | null;
                            enrolledBy: string | null;
                            paymentDueAt: string | null;
                            /** Format: date-time */
                            requestedAt: string;
                            activatedAt: string | null;
                            completedAt: string | null;
                            endedAt: string | null;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your enrollments, newest first
         * @description Requires the permission `enrollment.self`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                courseId: string;
                                /** Format: uuid */
                                userId: string;
                                /** @description The published course version the student learns; kept when a newer version is published */
                                courseVersion: number;
                                status: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                                priceRef: string | null;
                                waitlistPosition: number | null;
                                enrolledBy: string | null;
                                paymentDueAt: string | null;
                                /** Format: date-time */
                                requestedAt: string;
                                activatedAt: string | null;
                                completedAt: string | null;
                                endedAt: string | null;
                                version: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{enrollmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An enrollment (your own; staff with enrollment.roster.read: any)
         * @description Requires the permission `enrollment.self`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    enrollmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            /** Format: uuid */
                            userId: string;
                            /** @description The published course version the student learns; kept when a newer version is published */
                            courseVersion: number;
                            status: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                            priceRef: string | null;
                            waitlistPosition: number | null;
                            enrolledBy: string | null;
                            paymentDueAt: string | null;
                            /** Format: date-time */
                            requestedAt: string;
                            activatedAt: string | null;
                            completedAt: string | null;
                            endedAt: string | null;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{enrollmentId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an enrollment (your own; staff with enrollment.manage: any)
         * @description A freed seat goes to the first student on the waitlist in the same transaction. An enrollment that is already completed, cancelled or expired: 409 with its currentStatus.
         *
         *     Requires the permission `enrollment.self`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    enrollmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            /** Format: uuid */
                            userId: string;
                            /** @description The published course version the student learns; kept when a newer version is published */
                            courseVersion: number;
                            status: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                            priceRef: string | null;
                            waitlistPosition: number | null;
                            enrolledBy: string | null;
                            paymentDueAt: string | null;
                            /** Format: date-time */
                            requestedAt: string;
                            activatedAt: string | null;
                            completedAt: string | null;
                            endedAt: string | null;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your courses with your progress, newest enrollment first
         * @description Requires the permission `enrollment.self`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                    status?: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                enrollmentId: string;
                                /** Format: uuid */
                                courseId: string;
                                courseVersion: number;
                                title: string;
                                status: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                                /** Format: date-time */
                                requestedAt: string;
                                /** @description The modules of the version the student learns, in course order */
                                modules: {
                                    /** Format: uuid */
                                    moduleId: string;
                                    title: string;
                                }[];
                                completedLessons: number;
                                totalLessons: number;
                                percent: number;
                                secondsSpent: number;
                                resumeLessonId: string | null;
                                lastActivityAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/enrollment-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A course's capacity, enrollment window and waitlist, with seats in use
         * @description Requires the permission `enrollment.self`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            capacity: number | null;
                            opensAt: string | null;
                            closesAt: string | null;
                            waitlistEnabled: boolean;
                            /** @description Enrollments holding a seat: pending payment, active or completed */
                            seatsTaken: number;
                            waitlisted: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Set a course's capacity (null = unlimited), enrollment window and waitlist (requires If-Match)
         * @description Raising the capacity promotes waitlisted students at once; lowering it removes nobody.
         *
         *     Requires the permission `enrollment.manage`.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        capacity: number | null;
                        opensAt: string | null;
                        closesAt: string | null;
                        waitlistEnabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            capacity: number | null;
                            opensAt: string | null;
                            closesAt: string | null;
                            waitlistEnabled: boolean;
                            /** @description Enrollments holding a seat: pending payment, active or completed */
                            seatsTaken: number;
                            waitlisted: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A course's students with status and progress, in enrollment order
         * @description Requires the permission `enrollment.roster.read`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                    status?: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                };
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                enrollmentId: string;
                                /** Format: uuid */
                                userId: string;
                                name: string | null;
                                email: string | null;
                                courseVersion: number;
                                status: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                                waitlistPosition: number | null;
                                /** Format: date-time */
                                requestedAt: string;
                                completedLessons: number;
                                totalLessons: number;
                                percent: number;
                                secondsSpent: number;
                                resumeLessonId: string | null;
                                lastActivityAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/roster/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enroll users from a CSV with a userId column (at most 1000 rows, 200 KB)
         * @description Send the CSV as text/csv, or as JSON {"csv": "..."}. Staff enrollments are complimentary and ignore the window. Rows that cannot be enrolled are listed with their line and reason; the others are enrolled.
         *
         *     Requires the permission `enrollment.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description CSV with a `userId` or an `email` column; at most 1000 rows and 200 KB */
                        csv: string;
                    };
                    "text/csv": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enrolled: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                courseId: string;
                                /** Format: uuid */
                                userId: string;
                                /** @description The published course version the student learns; kept when a newer version is published */
                                courseVersion: number;
                                status: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                                priceRef: string | null;
                                waitlistPosition: number | null;
                                enrolledBy: string | null;
                                paymentDueAt: string | null;
                                /** Format: date-time */
                                requestedAt: string;
                                activatedAt: string | null;
                                completedAt: string | null;
                                endedAt: string | null;
                                version: number;
                            }[];
                            errors: {
                                line: number;
                                userId: string | null;
                                /** @description As given, when the row names the user by email */
                                email?: string;
                                detail: string;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{enrollmentId}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Progress per lesson, module and course, time spent and the resume point
         * @description Requires the permission `enrollment.self`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    enrollmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            enrollmentId: string;
                            /** Format: uuid */
                            courseId: string;
                            courseVersion: number;
                            status: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                            completedLessons: number;
                            totalLessons: number;
                            /** @description Rounded down: 100 only when every lesson is complete */
                            percent: number;
                            secondsSpent: number;
                            resumeLessonId: string | null;
                            modules: {
                                /** Format: uuid */
                                moduleId: string;
                                title: string;
                                completedLessons: number;
                                totalLessons: number;
                                percent: number;
                            }[];
                            lessons: {
                                /** Format: uuid */
                                lessonId: string;
                                /** Format: uuid */
                                moduleId: string;
                                title: string;
                                startedAt: string | null;
                                completedAt: string | null;
                                secondsSpent: number;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{enrollmentId}/lessons/{lessonId}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a lesson (sets the resume point), optionally adding time spent
         * @description Only the enrolled student, on an active or completed enrollment (409 otherwise), for a lesson of the version they enrolled in (404 otherwise). Completing the last lesson completes the enrollment.
         *
         *     Requires the permission `enrollment.self`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    enrollmentId: string;
                    lessonId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        secondsSpent?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            enrollmentId: string;
                            /** Format: uuid */
                            courseId: string;
                            courseVersion: number;
                            status: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                            completedLessons: number;
                            totalLessons: number;
                            /** @description Rounded down: 100 only when every lesson is complete */
                            percent: number;
                            secondsSpent: number;
                            resumeLessonId: string | null;
                            modules: {
                                /** Format: uuid */
                                moduleId: string;
                                title: string;
                                completedLessons: number;
                                totalLessons: number;
                                percent: number;
                            }[];
                            lessons: {
                                /** Format: uuid */
                                lessonId: string;
                                /** Format: uuid */
                                moduleId: string;
                                title: string;
                                startedAt: string | null;
                                completedAt: string | null;
                                secondsSpent: number;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{enrollmentId}/lessons/{lessonId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a lesson, optionally adding time spent
         * @description Only the enrolled student, on an active or completed enrollment (409 otherwise), for a lesson of the version they enrolled in (404 otherwise). Completing the last lesson completes the enrollment.
         *
         *     Requires the permission `enrollment.self`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    enrollmentId: string;
                    lessonId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        secondsSpent?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            enrollmentId: string;
                            /** Format: uuid */
                            courseId: string;
                            courseVersion: number;
                            status: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                            completedLessons: number;
                            totalLessons: number;
                            /** @description Rounded down: 100 only when every lesson is complete */
                            percent: number;
                            secondsSpent: number;
                            resumeLessonId: string | null;
                            modules: {
                                /** Format: uuid */
                                moduleId: string;
                                title: string;
                                completedLessons: number;
                                totalLessons: number;
                                percent: number;
                            }[];
                            lessons: {
                                /** Format: uuid */
                                lessonId: string;
                                /** Format: uuid */
                                moduleId: string;
                                title: string;
                                startedAt: string | null;
                                completedAt: string | null;
                                secondsSpent: number;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's billing terms, with their ETag
         * @description Requires the permission `billing.manage`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            /** @description basis points: 2000 = 20 % */
                            commissionBp: number;
                            /** @description basis points: 2000 = 20 % */
                            taxRateBp: number;
                            refundWindowDays: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Change the tenant's billing terms (If-Match: the ETag read); only what the body names changes
         * @description Orders already opened keep the terms they were priced with. 412 when the terms changed since you read them.
         *
         *     Requires the permission `billing.manage`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 4217 code, e.g. EUR */
                        currency?: string;
                        /** @description basis points: 2000 = 20 % */
                        commissionBp?: number;
                        /** @description basis points: 2000 = 20 % */
                        taxRateBp?: number;
                        refundWindowDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            /** @description basis points: 2000 = 20 % */
                            commissionBp: number;
                            /** @description basis points: 2000 = 20 % */
                            taxRateBp: number;
                            refundWindowDays: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/courses/{courseId}/price": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The price of a course (404 when it has none: the course is free)
         * @description Requires the permission `billing.buy`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            productKind: "course" | "lesson";
                            /** Format: uuid */
                            productId: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            amountMinor: number;
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            payeeId: string | null;
                            version: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Set the price of a published course in the tenant's currency (If-Match checked when sent)
         * @description Instructors price the courses they published and are their payee; tenant admins price any course and may give the share to the tenant (`payeeId: null`). Name the returned price id as the course's `priceRef` in catalog for enrollments to require payment.
         *
         *     Requires the permission `billing.price`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                        amountMinor: number;
                        /** @description ISO 4217 code, e.g. EUR */
                        currency: string;
                        payeeId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            productKind: "course" | "lesson";
                            /** Format: uuid */
                            productId: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            amountMinor: number;
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            payeeId: string | null;
                            version: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/lessons/{lessonId}/price": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The price of a lesson sold on its own (404 when it is not sold by itself)
         * @description Requires the permission `billing.buy`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    lessonId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            productKind: "course" | "lesson";
                            /** Format: uuid */
                            productId: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            amountMinor: number;
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            payeeId: string | null;
                            version: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Sell a lesson of a published course on its own: set its price (If-Match checked when sent)
         * @description Whoever may price the course may price its lessons. A student who buys the lesson may open it without a place in the course (catalog locks the lessons of a paid course to everyone else).
         *
         *     Requires the permission `billing.price`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    lessonId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                        amountMinor: number;
                        /** @description ISO 4217 code, e.g. EUR */
                        currency: string;
                        payeeId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            productKind: "course" | "lesson";
                            /** Format: uuid */
                            productId: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            amountMinor: number;
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            payeeId: string | null;
                            version: number;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/courses/{courseId}/lesson-offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The lessons of a course sold on their own, in course order, with their prices and whether you bought each
         * @description Requires the permission `billing.buy`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                lessonId: string;
                                title: string;
                                price: {
                                    /** Format: uuid */
                                    id: string;
                                    productKind: "course" | "lesson";
                                    /** Format: uuid */
                                    productId: string;
                                    /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                    amountMinor: number;
                                    /** @description ISO 4217 code, e.g. EUR */
                                    currency: string;
                                    payeeId: string | null;
                                    version: number;
                                    /** Format: date-time */
                                    updatedAt: string;
                                };
                                owned: boolean;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's prices, most recently changed first
         * @description Requires the permission `billing.price`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                productKind: "course" | "lesson";
                                /** Format: uuid */
                                productId: string;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                amountMinor: number;
                                /** @description ISO 4217 code, e.g. EUR */
                                currency: string;
                                payeeId: string | null;
                                version: number;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's coupons, newest first
         * @description Requires the permission `billing.manage`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                kind: "percent" | "fixed";
                                percentBp: number | null;
                                amountMinor: number | null;
                                currency: string | null;
                                expiresAt: string | null;
                                maxRedemptions: number | null;
                                redemptions: number;
                                active: boolean;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Make a coupon: `percentBp` off, or `amountMinor` off in the tenant's currency
         * @description Requires the permission `billing.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 3–40 letters, digits, - or _; case-insensitive */
                        code: string;
                        /** @description percent off in basis points (1500 = 15 %) */
                        percentBp?: number;
                        /** @description fixed amount off */
                        amountMinor?: number;
                        /** @description ISO 4217 code, e.g. EUR */
                        currency?: string;
                        expiresAt?: string | null;
                        maxRedemptions?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            kind: "percent" | "fixed";
                            percentBp: number | null;
                            amountMinor: number | null;
                            currency: string | null;
                            expiresAt: string | null;
                            maxRedemptions: number | null;
                            redemptions: number;
                            active: boolean;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/coupons/{code}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a coupon: no new order may use it
         * @description Requires the permission `billing.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 3–40 letters, digits, - or _; case-insensitive */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            kind: "percent" | "fixed";
                            percentBp: number | null;
                            amountMinor: number | null;
                            currency: string | null;
                            expiresAt: string | null;
                            maxRedemptions: number | null;
                            redemptions: number;
                            active: boolean;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your orders, newest first (the order history)
         * @description Requires the permission `billing.buy`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    enrollmentId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                userId: string;
                                enrollmentId: string | null;
                                productKind: "course" | "lesson";
                                /** Format: uuid */
                                productId: string;
                                productTitle: string | null;
                                /** @description ISO 4217 code, e.g. EUR */
                                currency: string;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                subtotalMinor: number;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                discountMinor: number;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                taxMinor: number;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                totalMinor: number;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                refundedMinor: number;
                                couponCode: string | null;
                                status: "awaiting_payment" | "authorizing" | "requires_action" | "capturing" | "paid" | "failed" | "cancelled" | "refunded" | "partially_refunded" | "disputed";
                                challenge: string | null;
                                failure: {
                                    code: string;
                                    message: string;
                                } | null;
                                paidAt: string | null;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/billing/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every order of the tenant, newest first
         * @description Requires the permission `billing.manage`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    enrollmentId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                userId: string;
                                enrollmentId: string | null;
                                productKind: "course" | "lesson";
                                /** Format: uuid */
                                productId: string;
                                productTitle: string | null;
                                /** @description ISO 4217 code, e.g. EUR */
                                currency: string;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                subtotalMinor: number;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                discountMinor: number;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                taxMinor: number;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                totalMinor: number;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                refundedMinor: number;
                                couponCode: string | null;
                                status: "awaiting_payment" | "authorizing" | "requires_action" | "capturing" | "paid" | "failed" | "cancelled" | "refunded" | "partially_refunded" | "disputed";
                                challenge: string | null;
                                failure: {
                                    code: string;
                                    message: string;
                                } | null;
                                paidAt: string | null;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your orders: the receipt once paid (tenant admins: any order)
         * @description Requires the permission `billing.buy`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            userId: string;
                            enrollmentId: string | null;
                            productKind: "course" | "lesson";
                            /** Format: uuid */
                            productId: string;
                            productTitle: string | null;
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            subtotalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            discountMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            taxMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            totalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            refundedMinor: number;
                            couponCode: string | null;
                            status: "awaiting_payment" | "authorizing" | "requires_action" | "capturing" | "paid" | "failed" | "cancelled" | "refunded" | "partially_refunded" | "disputed";
                            challenge: string | null;
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            paidAt: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/enrollments/{enrollmentId}/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order that pays for one of your enrollments
         * @description Opened a moment after a paid enrollment is requested: 404 until then (poll briefly).
         *
         *     Requires the permission `billing.buy`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    enrollmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            userId: string;
                            enrollmentId: string | null;
                            productKind: "course" | "lesson";
                            /** Format: uuid */
                            productId: string;
                            productTitle: string | null;
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            subtotalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            discountMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            taxMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            totalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            refundedMinor: number;
                            couponCode: string | null;
                            status: "awaiting_payment" | "authorizing" | "requires_action" | "capturing" | "paid" | "failed" | "cancelled" | "refunded" | "partially_refunded" | "disputed";
                            challenge: string | null;
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            paidAt: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/lessons/{lessonId}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Buy a lesson sold on its own: opens your order for it (201), or answers the one you hold (200)
         * @description Pay the order like a course's (`/billing/orders/{orderId}/pay`); once captured the lesson opens to you. 409 when you bought it already or have a place in its course; 404 when the lesson is not sold on its own.
         *
         *     Requires the permission `billing.buy`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    lessonId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            userId: string;
                            enrollmentId: string | null;
                            productKind: "course" | "lesson";
                            /** Format: uuid */
                            productId: string;
                            productTitle: string | null;
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            subtotalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            discountMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            taxMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            totalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            refundedMinor: number;
                            couponCode: string | null;
                            status: "awaiting_payment" | "authorizing" | "requires_action" | "capturing" | "paid" | "failed" | "cancelled" | "refunded" | "partially_refunded" | "disputed";
                            challenge: string | null;
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            paidAt: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            userId: string;
                            enrollmentId: string | null;
                            productKind: "course" | "lesson";
                            /** Format: uuid */
                            productId: string;
                            productTitle: string | null;
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            subtotalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            discountMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            taxMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            totalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            refundedMinor: number;
                            couponCode: string | null;
                            status: "awaiting_payment" | "authorizing" | "requires_action" | "capturing" | "paid" | "failed" | "cancelled" | "refunded" | "partially_refunded" | "disputed";
                            challenge: string | null;
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            paidAt: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/orders/{orderId}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay your order with a card (Idempotency-Key required: a retry never charges twice)
         * @description Answers the order as it then stands: `paid`; `requires_action` with the 3-D Secure `challenge` to answer at /confirm; `failed` with the reason the card was refused (the enrollment is released: enroll again to retry). 503 when the provider is unreachable: nothing was charged.
         *
         *     Requires the permission `billing.buy`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a card number for the test provider; a payment method id for Stripe */
                        paymentMethod: string;
                        /** @description 3–40 letters, digits, - or _; case-insensitive */
                        couponCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            userId: string;
                            enrollmentId: string | null;
                            productKind: "course" | "lesson";
                            /** Format: uuid */
                            productId: string;
                            productTitle: string | null;
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            subtotalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            discountMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            taxMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            totalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            refundedMinor: number;
                            couponCode: string | null;
                            status: "awaiting_payment" | "authorizing" | "requires_action" | "capturing" | "paid" | "failed" | "cancelled" | "refunded" | "partially_refunded" | "disputed";
                            challenge: string | null;
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            paidAt: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/orders/{orderId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer the 3-D Secure challenge of your order (Idempotency-Key required)
         * @description Requires the permission `billing.buy`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the payer's answer to the 3-D Secure challenge */
                        response: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            userId: string;
                            enrollmentId: string | null;
                            productKind: "course" | "lesson";
                            /** Format: uuid */
                            productId: string;
                            productTitle: string | null;
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            subtotalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            discountMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            taxMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            totalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            refundedMinor: number;
                            couponCode: string | null;
                            status: "awaiting_payment" | "authorizing" | "requires_action" | "capturing" | "paid" | "failed" | "cancelled" | "refunded" | "partially_refunded" | "disputed";
                            challenge: string | null;
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            paidAt: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/orders/{orderId}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The refunds of your order, asked for or made (tenant admins: any order)
         * @description Requires the permission `billing.buy`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                orderId: string;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                amountMinor: number;
                                reason: string;
                                status: "requested" | "pending" | "succeeded" | "failed" | "rejected";
                                requestedBy: string | null;
                                decidedBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Refund part or all of a paid order (Idempotency-Key required: the same key refunds once)
         * @description 422 above what is left to refund; the ledger takes the refunded share back from tax, commission and the payee.
         *
         *     Requires the permission `billing.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description what to give back, at most what is left of the order */
                        amountMinor: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            userId: string;
                            enrollmentId: string | null;
                            productKind: "course" | "lesson";
                            /** Format: uuid */
                            productId: string;
                            productTitle: string | null;
                            /** @description ISO 4217 code, e.g. EUR */
                            currency: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            subtotalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            discountMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            taxMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            totalMinor: number;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            refundedMinor: number;
                            couponCode: string | null;
                            status: "awaiting_payment" | "authorizing" | "requires_action" | "capturing" | "paid" | "failed" | "cancelled" | "refunded" | "partially_refunded" | "disputed";
                            challenge: string | null;
                            failure: {
                                code: string;
                                message: string;
                            } | null;
                            paidAt: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/ledger/balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every ledger account's balance, derived from the postings, and the total per currency (zero: the books balance)
         * @description Requires the permission `billing.manage`.
         */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                account: string;
                                /** @description ISO 4217 code, e.g. EUR */
                                currency: string;
                                /** @description debits minus credits: liabilities and revenue are negative */
                                balanceMinor: number;
                            }[];
                            totals: {
                                /** @description ISO 4217 code, e.g. EUR */
                                currency: string;
                                sumMinor: number;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/earnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the tenant owes you for your sales, per currency, not yet paid out
         * @description Requires the permission `billing.earnings`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balances: {
                                /** @description ISO 4217 code, e.g. EUR */
                                currency: string;
                                balanceMinor: number;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/webhooks/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The payment provider's webhooks (signed; 400 when the signature or its timestamp does not verify)
         * @description No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            received: boolean;
                            applied: boolean;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/orders/{orderId}/refund-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a refund of your paid order (the whole of what is left), within the tenant's refund window
         * @description 422 after the window; 409 when a request is already waiting. A tenant admin decides.
         *
         *     Requires the permission `billing.buy`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            orderId: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            amountMinor: number;
                            reason: string;
                            status: "requested" | "pending" | "succeeded" | "failed" | "rejected";
                            requestedBy: string | null;
                            decidedBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/billing/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Refunds by status, oldest first (default: the requests waiting for a decision)
         * @description Requires the permission `billing.manage`.
         */
        get: {
            parameters: {
                query: {
                    status?: "requested" | "pending" | "succeeded" | "failed" | "rejected";
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                orderId: string;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                amountMinor: number;
                                reason: string;
                                status: "requested" | "pending" | "succeeded" | "failed" | "rejected";
                                requestedBy: string | null;
                                decidedBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/refunds/{refundId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Grant a refund request: the money goes back to the card (Idempotency-Key required)
         * @description Requires the permission `billing.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    refundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            orderId: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            amountMinor: number;
                            reason: string;
                            status: "requested" | "pending" | "succeeded" | "failed" | "rejected";
                            requestedBy: string | null;
                            decidedBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/refunds/{refundId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn a refund request down
         * @description Requires the permission `billing.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    refundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            orderId: string;
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            amountMinor: number;
                            reason: string;
                            status: "requested" | "pending" | "succeeded" | "failed" | "rejected";
                            requestedBy: string | null;
                            decidedBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/payout-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's payout terms (the minimum payout), with their ETag
         * @description Requires the permission `billing.manage`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            minimumMinor: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Change the minimum payout (If-Match: the ETag read)
         * @description 412 when the terms changed since you read them.
         *
         *     Requires the permission `billing.manage`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                        minimumMinor: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                            minimumMinor: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/payouts/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay every payee owed at least the minimum (Idempotency-Key required: the same key is the same run)
         * @description Each payee is paid once per run and currency. A payout the provider could not be reached for stays `pending` and is sent again by the next run; one it refused is `failed` and its amount goes back to the payee's balance.
         *
         *     Requires the permission `billing.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description pay balances of at least this much (default: the tenant's minimum) */
                        minimumMinor?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            runId: string;
                            payouts: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                payeeId: string;
                                /** @description ISO 4217 code, e.g. EUR */
                                currency: string;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                amountMinor: number;
                                /** @description pending: booked, the provider not yet done (retried with the same key) */
                                status: "pending" | "paid" | "failed";
                                providerRef: string | null;
                                /** Format: uuid */
                                runId: string;
                                /** Format: date-time */
                                periodEnd: string;
                                failure: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/billing/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every payout of the tenant, newest first
         * @description Requires the permission `billing.manage`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                payeeId: string;
                                /** @description ISO 4217 code, e.g. EUR */
                                currency: string;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                amountMinor: number;
                                /** @description pending: booked, the provider not yet done (retried with the same key) */
                                status: "pending" | "paid" | "failed";
                                providerRef: string | null;
                                /** Format: uuid */
                                runId: string;
                                /** Format: date-time */
                                periodEnd: string;
                                failure: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your payouts, newest first
         * @description Requires the permission `billing.earnings`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                payeeId: string;
                                /** @description ISO 4217 code, e.g. EUR */
                                currency: string;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                amountMinor: number;
                                /** @description pending: booked, the provider not yet done (retried with the same key) */
                                status: "pending" | "paid" | "failed";
                                providerRef: string | null;
                                /** Format: uuid */
                                runId: string;
                                /** Format: date-time */
                                periodEnd: string;
                                failure: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/payouts/{payoutId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your payouts and the orders that make it up (tenant admins: any payout)
         * @description The orders are your share of each sale and refund booked since your previous payout in that currency.
         *
         *     Requires the permission `billing.earnings`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    payoutId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payout: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                payeeId: string;
                                /** @description ISO 4217 code, e.g. EUR */
                                currency: string;
                                /** @description integer minor units of the currency (cents for EUR, yen for JPY) */
                                amountMinor: number;
                                /** @description pending: booked, the provider not yet done (retried with the same key) */
                                status: "pending" | "paid" | "failed";
                                providerRef: string | null;
                                /** Format: uuid */
                                runId: string;
                                /** Format: date-time */
                                periodEnd: string;
                                failure: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            orders: {
                                orderId: string | null;
                                /** @description charge, refund or chargeback */
                                kind: string;
                                /** @description the payee's share: positive for a sale, negative for a refund */
                                amountMinor: number;
                                /** Format: date-time */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/reports/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The financial summary of a period
         * @description Per currency, from the ledger postings booked in [from, to): gross sales, refunds, discounts, tax, commission, processing fees, payouts, the tenant's own revenue, and what each payee earned. 422 when `to` is not after `from` or the period is longer than 366 days.
         *
         *     Requires the permission `billing.manage`.
         */
        get: {
            parameters: {
                query: {
                    /** @description start of the period (included) */
                    from: string;
                    /** @description end of the period (excluded); after from, at most 366 days later */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            rows: {
                                /** @description ISO 4217 code, e.g. EUR */
                                currency: string;
                                /** @description integer minor units of the row's currency */
                                grossSalesMinor: number;
                                /** @description integer minor units of the row's currency */
                                refundsMinor: number;
                                /** @description integer minor units of the row's currency */
                                discountsMinor: number;
                                /** @description integer minor units of the row's currency */
                                taxMinor: number;
                                /** @description integer minor units of the row's currency */
                                commissionMinor: number;
                                /** @description integer minor units of the row's currency */
                                feesMinor: number;
                                /** @description integer minor units of the row's currency */
                                payoutsMinor: number;
                                /** @description integer minor units of the row's currency */
                                tenantRevenueMinor: number;
                                netPayable: {
                                    /** Format: uuid */
                                    payeeId: string;
                                    /** @description earned in the period: the payee's share of sales less refunds */
                                    amountMinor: number;
                                    /** @description paid out to the payee in the period */
                                    paidOutMinor: number;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/reports/summary.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The financial summary of a period as CSV (one row per currency and payee)
         * @description Per currency, from the ledger postings booked in [from, to): gross sales, refunds, discounts, tax, commission, processing fees, payouts, the tenant's own revenue, and what each payee earned. 422 when `to` is not after `from` or the period is longer than 366 days.
         *
         *     Requires the permission `billing.manage`.
         */
        get: {
            parameters: {
                query: {
                    /** @description start of the period (included) */
                    from: string;
                    /** @description end of the period (excluded); after from, at most 366 days later */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/provider": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The card processor payments go through, and whether it is in test mode
         * @description Requires the permission `billing.buy`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the card processor payments go through */
                            provider: "test" | "stripe";
                            /** @description no real money moves (the built-in test processor, or a Stripe test key): test cards work, real ones do not */
                            testMode: boolean;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/exams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Exams of a course (students: the published ones)
         * @description Requires the permission `assessment.take`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                courseId: string;
                                title: string;
                                category: "quiz" | "exam" | "assignment" | "practice";
                                status: "draft" | "published" | "archived";
                                publishedVersion: number | null;
                                settings: {
                                    timeLimitMinutes: number | null;
                                    opensAt: string | null;
                                    closesAt: string | null;
                                    attemptsAllowed: number;
                                    /** @description submissions this long after the deadline still count as on time (network delays) */
                                    gracePeriodSeconds: number;
                                    latePolicy: {
                                        /** @enum {string} */
                                        mode: "reject";
                                    } | {
                                        /** @enum {string} */
                                        mode: "accept";
                                        /** @description taken off the score */
                                        penaltyPercent: number;
                                        /** @description how long after the deadline late submissions are taken */
                                        untilMinutes: number;
                                    };
                                    passingPercent: number | null;
                                    resultsRelease: "immediately" | "after_close" | "manual";
                                    feedbackRelease: "immediately" | "after_close" | "manual";
                                    partialCredit: "all_or_nothing" | "proportional";
                                    /** @description share of an item's points taken off for a wrong (not blank) answer */
                                    negativeMarking: number;
                                    shuffleItems: boolean;
                                    shuffleOptions: boolean;
                                    /** @description computerized adaptive testing: items one at a time from the draw sections' pools, each the most informative at the student's current ability estimate, skills balanced; scored by ability (the share of the whole pool the student is expected to answer right), not by count */
                                    adaptive?: boolean;
                                    adaptiveStop?: {
                                        /** @description stop once the ability estimate's standard error is at most this */
                                        standardError: number;
                                        minItems: number;
                                        maxItems: number;
                                    };
                                };
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an exam (or quiz) draft for a course
         * @description Requires the permission `assessment.exams.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        category?: "quiz" | "exam" | "assignment" | "practice";
                        settings?: {
                            timeLimitMinutes?: number | null;
                            opensAt?: string | null;
                            closesAt?: string | null;
                            attemptsAllowed?: number;
                            /** @description submissions this long after the deadline still count as on time (network delays) */
                            gracePeriodSeconds?: number;
                            latePolicy?: {
                                /** @enum {string} */
                                mode: "reject";
                            } | {
                                /** @enum {string} */
                                mode: "accept";
                                /** @description taken off the score */
                                penaltyPercent: number;
                                /** @description how long after the deadline late submissions are taken */
                                untilMinutes: number;
                            };
                            passingPercent?: number | null;
                            resultsRelease?: "immediately" | "after_close" | "manual";
                            feedbackRelease?: "immediately" | "after_close" | "manual";
                            partialCredit?: "all_or_nothing" | "proportional";
                            /** @description share of an item's points taken off for a wrong (not blank) answer */
                            negativeMarking?: number;
                            shuffleItems?: boolean;
                            shuffleOptions?: boolean;
                            /** @description computerized adaptive testing: items one at a time from the draw sections' pools, each the most informative at the student's current ability estimate, skills balanced; scored by ability (the share of the whole pool the student is expected to answer right), not by count */
                            adaptive?: boolean;
                            adaptiveStop?: {
                                /** @description stop once the ability estimate's standard error is at most this */
                                standardError: number;
                                minItems: number;
                                maxItems: number;
                            };
                        };
                        sections: ({
                            /** @enum {string} */
                            kind: "fixed";
                            /** Format: uuid */
                            itemId: string;
                            points: number;
                        } | {
                            /** @enum {string} */
                            kind: "draw";
                            count: number;
                            pool?: string[];
                            /** @description items with any of these skills */
                            skills?: string[];
                            difficulty?: {
                                min: number;
                                max: number;
                            };
                            points: number;
                        })[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            title: string;
                            category: "quiz" | "exam" | "assignment" | "practice";
                            status: "draft" | "published" | "archived";
                            version: number;
                            publishedVersion: number | null;
                            settings: {
                                timeLimitMinutes: number | null;
                                opensAt: string | null;
                                closesAt: string | null;
                                attemptsAllowed: number;
                                /** @description submissions this long after the deadline still count as on time (network delays) */
                                gracePeriodSeconds: number;
                                latePolicy: {
                                    /** @enum {string} */
                                    mode: "reject";
                                } | {
                                    /** @enum {string} */
                                    mode: "accept";
                                    /** @description taken off the score */
                                    penaltyPercent: number;
                                    /** @description how long after the deadline late submissions are taken */
                                    untilMinutes: number;
                                };
                                passingPercent: number | null;
                                resultsRelease: "immediately" | "after_close" | "manual";
                                feedbackRelease: "immediately" | "after_close" | "manual";
                                partialCredit: "all_or_nothing" | "proportional";
                                /** @description share of an item's points taken off for a wrong (not blank) answer */
                                negativeMarking: number;
                                shuffleItems: boolean;
                                shuffleOptions: boolean;
                                /** @description computerized adaptive testing: items one at a time from the draw sections' pools, each the most informative at the student's current ability estimate, skills balanced; scored by ability (the share of the whole pool the student is expected to answer right), not by count */
                                adaptive?: boolean;
                                adaptiveStop?: {
                                    /** @description stop once the ability estimate's standard error is at most this */
                                    standardError: number;
                                    minItems: number;
                                    maxItems: number;
                                };
                            };
                            sections: ({
                                /** @enum {string} */
                                kind: "fixed";
                                /** Format: uuid */
                                itemId: string;
                                points: number;
                            } | {
                                /** @enum {string} */
                                kind: "draw";
                                count: number;
                                pool?: string[];
                                /** @description items with any of these skills */
                                skills?: string[];
                                difficulty?: {
                                    min: number;
                                    max: number;
                                };
                                points: number;
                            })[];
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exams/{examId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An exam's draft (staff)
         * @description Requires the permission `assessment.results.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    examId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            title: string;
                            category: "quiz" | "exam" | "assignment" | "practice";
                            status: "draft" | "published" | "archived";
                            version: number;
                            publishedVersion: number | null;
                            settings: {
                                timeLimitMinutes: number | null;
                                opensAt: string | null;
                                closesAt: string | null;
                                attemptsAllowed: number;
                                /** @description submissions this long after the deadline still count as on time (network delays) */
                                gracePeriodSeconds: number;
                                latePolicy: {
                                    /** @enum {string} */
                                    mode: "reject";
                                } | {
                                    /** @enum {string} */
                                    mode: "accept";
                                    /** @description taken off the score */
                                    penaltyPercent: number;
                                    /** @description how long after the deadline late submissions are taken */
                                    untilMinutes: number;
                                };
                                passingPercent: number | null;
                                resultsRelease: "immediately" | "after_close" | "manual";
                                feedbackRelease: "immediately" | "after_close" | "manual";
                                partialCredit: "all_or_nothing" | "proportional";
                                /** @description share of an item's points taken off for a wrong (not blank) answer */
                                negativeMarking: number;
                                shuffleItems: boolean;
                                shuffleOptions: boolean;
                                /** @description computerized adaptive testing: items one at a time from the draw sections' pools, each the most informative at the student's current ability estimate, skills balanced; scored by ability (the share of the whole pool the student is expected to answer right), not by count */
                                adaptive?: boolean;
                                adaptiveStop?: {
                                    /** @description stop once the ability estimate's standard error is at most this */
                                    standardError: number;
                                    minItems: number;
                                    maxItems: number;
                                };
                            };
                            sections: ({
                                /** @enum {string} */
                                kind: "fixed";
                                /** Format: uuid */
                                itemId: string;
                                points: number;
                            } | {
                                /** @enum {string} */
                                kind: "draw";
                                count: number;
                                pool?: string[];
                                /** @description items with any of these skills */
                                skills?: string[];
                                difficulty?: {
                                    min: number;
                                    max: number;
                                };
                                points: number;
                            })[];
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the draft (If-Match)
         * @description Running attempts keep the version they started; students see the change once it is published.
         *
         *     Requires the permission `assessment.exams.manage`.
         */
        put: {
            parameters: {
                query?: never;
                header: {
                    /** @description The exam's version as its ETag ("3") */
                    "if-match": string;
                };
                path: {
                    examId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        category?: "quiz" | "exam" | "assignment" | "practice";
                        settings?: {
                            timeLimitMinutes?: number | null;
                            opensAt?: string | null;
                            closesAt?: string | null;
                            attemptsAllowed?: number;
                            /** @description submissions this long after the deadline still count as on time (network delays) */
                            gracePeriodSeconds?: number;
                            latePolicy?: {
                                /** @enum {string} */
                                mode: "reject";
                            } | {
                                /** @enum {string} */
                                mode: "accept";
                                /** @description taken off the score */
                                penaltyPercent: number;
                                /** @description how long after the deadline late submissions are taken */
                                untilMinutes: number;
                            };
                            passingPercent?: number | null;
                            resultsRelease?: "immediately" | "after_close" | "manual";
                            feedbackRelease?: "immediately" | "after_close" | "manual";
                            partialCredit?: "all_or_nothing" | "proportional";
                            /** @description share of an item's points taken off for a wrong (not blank) answer */
                            negativeMarking?: number;
                            shuffleItems?: boolean;
                            shuffleOptions?: boolean;
                            /** @description computerized adaptive testing: items one at a time from the draw sections' pools, each the most informative at the student's current ability estimate, skills balanced; scored by ability (the share of the whole pool the student is expected to answer right), not by count */
                            adaptive?: boolean;
                            adaptiveStop?: {
                                /** @description stop once the ability estimate's standard error is at most this */
                                standardError: number;
                                minItems: number;
                                maxItems: number;
                            };
                        };
                        sections: ({
                            /** @enum {string} */
                            kind: "fixed";
                            /** Format: uuid */
                            itemId: string;
                            points: number;
                        } | {
                            /** @enum {string} */
                            kind: "draw";
                            count: number;
                            pool?: string[];
                            /** @description items with any of these skills */
                            skills?: string[];
                            difficulty?: {
                                min: number;
                                max: number;
                            };
                            points: number;
                        })[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            title: string;
                            category: "quiz" | "exam" | "assignment" | "practice";
                            status: "draft" | "published" | "archived";
                            version: number;
                            publishedVersion: number | null;
                            settings: {
                                timeLimitMinutes: number | null;
                                opensAt: string | null;
                                closesAt: string | null;
                                attemptsAllowed: number;
                                /** @description submissions this long after the deadline still count as on time (network delays) */
                                gracePeriodSeconds: number;
                                latePolicy: {
                                    /** @enum {string} */
                                    mode: "reject";
                                } | {
                                    /** @enum {string} */
                                    mode: "accept";
                                    /** @description taken off the score */
                                    penaltyPercent: number;
                                    /** @description how long after the deadline late submissions are taken */
                                    untilMinutes: number;
                                };
                                passingPercent: number | null;
                                resultsRelease: "immediately" | "after_close" | "manual";
                                feedbackRelease: "immediately" | "after_close" | "manual";
                                partialCredit: "all_or_nothing" | "proportional";
                                /** @description share of an item's points taken off for a wrong (not blank) answer */
                                negativeMarking: number;
                                shuffleItems: boolean;
                                shuffleOptions: boolean;
                                /** @description computerized adaptive testing: items one at a time from the draw sections' pools, each the most informative at the student's current ability estimate, skills balanced; scored by ability (the share of the whole pool the student is expected to answer right), not by count */
                                adaptive?: boolean;
                                adaptiveStop?: {
                                    /** @description stop once the ability estimate's standard error is at most this */
                                    standardError: number;
                                    minItems: number;
                                    maxItems: number;
                                };
                            };
                            sections: ({
                                /** @enum {string} */
                                kind: "fixed";
                                /** Format: uuid */
                                itemId: string;
                                points: number;
                            } | {
                                /** @enum {string} */
                                kind: "draw";
                                count: number;
                                pool?: string[];
                                /** @description items with any of these skills */
                                skills?: string[];
                                difficulty?: {
                                    min: number;
                                    max: number;
                                };
                                points: number;
                            })[];
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exams/{examId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Freeze the draft as the version students take (If-Match)
         * @description 422 lists every problem (unknown items, pools too small, an empty exam).
         *
         *     Requires the permission `assessment.exams.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The exam's version as its ETag ("3") */
                    "if-match": string;
                };
                path: {
                    examId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            title: string;
                            category: "quiz" | "exam" | "assignment" | "practice";
                            status: "draft" | "published" | "archived";
                            version: number;
                            publishedVersion: number | null;
                            settings: {
                                timeLimitMinutes: number | null;
                                opensAt: string | null;
                                closesAt: string | null;
                                attemptsAllowed: number;
                                /** @description submissions this long after the deadline still count as on time (network delays) */
                                gracePeriodSeconds: number;
                                latePolicy: {
                                    /** @enum {string} */
                                    mode: "reject";
                                } | {
                                    /** @enum {string} */
                                    mode: "accept";
                                    /** @description taken off the score */
                                    penaltyPercent: number;
                                    /** @description how long after the deadline late submissions are taken */
                                    untilMinutes: number;
                                };
                                passingPercent: number | null;
                                resultsRelease: "immediately" | "after_close" | "manual";
                                feedbackRelease: "immediately" | "after_close" | "manual";
                                partialCredit: "all_or_nothing" | "proportional";
                                /** @description share of an item's points taken off for a wrong (not blank) answer */
                                negativeMarking: number;
                                shuffleItems: boolean;
                                shuffleOptions: boolean;
                                /** @description computerized adaptive testing: items one at a time from the draw sections' pools, each the most informative at the student's current ability estimate, skills balanced; scored by ability (the share of the whole pool the student is expected to answer right), not by count */
                                adaptive?: boolean;
                                adaptiveStop?: {
                                    /** @description stop once the ability estimate's standard error is at most this */
                                    standardError: number;
                                    minItems: number;
                                    maxItems: number;
                                };
                            };
                            sections: ({
                                /** @enum {string} */
                                kind: "fixed";
                                /** Format: uuid */
                                itemId: string;
                                points: number;
                            } | {
                                /** @enum {string} */
                                kind: "draw";
                                count: number;
                                pool?: string[];
                                /** @description items with any of these skills */
                                skills?: string[];
                                difficulty?: {
                                    min: number;
                                    max: number;
                                };
                                points: number;
                            })[];
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exams/{examId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive: no new attempts (running ones finish) (If-Match)
         * @description Requires the permission `assessment.exams.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The exam's version as its ETag ("3") */
                    "if-match": string;
                };
                path: {
                    examId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            title: string;
                            category: "quiz" | "exam" | "assignment" | "practice";
                            status: "draft" | "published" | "archived";
                            version: number;
                            publishedVersion: number | null;
                            settings: {
                                timeLimitMinutes: number | null;
                                opensAt: string | null;
                                closesAt: string | null;
                                attemptsAllowed: number;
                                /** @description submissions this long after the deadline still count as on time (network delays) */
                                gracePeriodSeconds: number;
                                latePolicy: {
                                    /** @enum {string} */
                                    mode: "reject";
                                } | {
                                    /** @enum {string} */
                                    mode: "accept";
                                    /** @description taken off the score */
                                    penaltyPercent: number;
                                    /** @description how long after the deadline late submissions are taken */
                                    untilMinutes: number;
                                };
                                passingPercent: number | null;
                                resultsRelease: "immediately" | "after_close" | "manual";
                                feedbackRelease: "immediately" | "after_close" | "manual";
                                partialCredit: "all_or_nothing" | "proportional";
                                /** @description share of an item's points taken off for a wrong (not blank) answer */
                                negativeMarking: number;
                                shuffleItems: boolean;
                                shuffleOptions: boolean;
                                /** @description computerized adaptive testing: items one at a time from the draw sections' pools, each the most informative at the student's current ability estimate, skills balanced; scored by ability (the share of the whole pool the student is expected to answer right), not by count */
                                adaptive?: boolean;
                                adaptiveStop?: {
                                    /** @description stop once the ability estimate's standard error is at most this */
                                    standardError: number;
                                    minItems: number;
                                    maxItems: number;
                                };
                            };
                            sections: ({
                                /** @enum {string} */
                                kind: "fixed";
                                /** Format: uuid */
                                itemId: string;
                                points: number;
                            } | {
                                /** @enum {string} */
                                kind: "draw";
                                count: number;
                                pool?: string[];
                                /** @description items with any of these skills */
                                skills?: string[];
                                difficulty?: {
                                    min: number;
                                    max: number;
                                };
                                points: number;
                            })[];
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exams/{examId}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release results (and feedback) to students now, for exams released by hand
         * @description Requires the permission `assessment.exams.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    examId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        results?: boolean;
                        feedback?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exams/{examId}/accommodations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Accommodations of an exam
         * @description Requires the permission `assessment.exams.manage`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    examId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                userId: string;
                                extraTimePercent: number;
                                extraMinutes: number;
                                extraAttempts: number;
                                note: string | null;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exams/{examId}/accommodations/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a student's extra time and attempts
         * @description A running attempt's deadline moves at once, even past the exam's closing time.
         *
         *     Requires the permission `assessment.exams.manage`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    examId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        extraTimePercent?: number;
                        extraMinutes?: number;
                        extraAttempts?: number;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            userId: string;
                            extraTimePercent: number;
                            extraMinutes: number;
                            extraAttempts: number;
                            note: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exams/{examId}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an attempt (201), or resume the one in progress (200)
         * @description The deadline is on the server's clock and survives reloads and devices. Only students enrolled in the course (staff: as a preview). 409 when the exam is not open, or no attempts are left.
         *
         *     Requires the permission `assessment.take`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    examId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            examId: string;
                            examVersion: number;
                            /** Format: uuid */
                            userId: string;
                            number: number;
                            status: "in_progress" | "submitted" | "graded";
                            /** Format: date-time */
                            startedAt: string;
                            deadlineAt: string | null;
                            /** Format: date-time */
                            serverTime: string;
                            submittedAt: string | null;
                            submissionId: string | null;
                            slots: {
                                /** @description A position of the exam: f3 (fixed item of section 3), d2.1 (second draw of section 2) */
                                slot: string;
                                points: number;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    type: string;
                                    version: number;
                                } & {
                                    [key: string]: unknown;
                                };
                                answer: {
                                    seq: number;
                                    response: ({
                                        /** @enum {string} */
                                        type: "single_choice";
                                        /** @description QTI identifier */
                                        choice: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "multiple_choice";
                                        choices: string[];
                                    } | {
                                        /** @enum {string} */
                                        type: "true_false";
                                        value: boolean;
                                    } | {
                                        /** @enum {string} */
                                        type: "numeric";
                                        value: number;
                                        unit?: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "short_text";
                                        text: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "ordering";
                                        order: string[];
                                    } | {
                                        /** @enum {string} */
                                        type: "matching";
                                        pairs: {
                                            /** @description QTI identifier */
                                            source: string;
                                            /** @description QTI identifier */
                                            target: string;
                                        }[];
                                    } | {
                                        /** @enum {string} */
                                        type: "cloze";
                                        gaps: {
                                            [key: string]: string;
                                        };
                                    } | {
                                        /** @enum {string} */
                                        type: "essay";
                                        text: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "code";
                                        source: string;
                                        language?: string;
                                    }) | null;
                                    /** Format: date-time */
                                    savedAt: string;
                                } | null;
                            }[];
                            adaptive?: {
                                answered: number;
                                maxItems: number;
                                /** @description no more items: submit the attempt */
                                finished: boolean;
                                stopReason: ("target_se" | "max_items" | "pool_exhausted") | null;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            examId: string;
                            examVersion: number;
                            /** Format: uuid */
                            userId: string;
                            number: number;
                            status: "in_progress" | "submitted" | "graded";
                            /** Format: date-time */
                            startedAt: string;
                            deadlineAt: string | null;
                            /** Format: date-time */
                            serverTime: string;
                            submittedAt: string | null;
                            submissionId: string | null;
                            slots: {
                                /** @description A position of the exam: f3 (fixed item of section 3), d2.1 (second draw of section 2) */
                                slot: string;
                                points: number;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    type: string;
                                    version: number;
                                } & {
                                    [key: string]: unknown;
                                };
                                answer: {
                                    seq: number;
                                    response: ({
                                        /** @enum {string} */
                                        type: "single_choice";
                                        /** @description QTI identifier */
                                        choice: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "multiple_choice";
                                        choices: string[];
                                    } | {
                                        /** @enum {string} */
                                        type: "true_false";
                                        value: boolean;
                                    } | {
                                        /** @enum {string} */
                                        type: "numeric";
                                        value: number;
                                        unit?: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "short_text";
                                        text: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "ordering";
                                        order: string[];
                                    } | {
                                        /** @enum {string} */
                                        type: "matching";
                                        pairs: {
                                            /** @description QTI identifier */
                                            source: string;
                                            /** @description QTI identifier */
                                            target: string;
                                        }[];
                                    } | {
                                        /** @enum {string} */
                                        type: "cloze";
                                        gaps: {
                                            [key: string]: string;
                                        };
                                    } | {
                                        /** @enum {string} */
                                        type: "essay";
                                        text: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "code";
                                        source: string;
                                        language?: string;
                                    }) | null;
                                    /** Format: date-time */
                                    savedAt: string;
                                } | null;
                            }[];
                            adaptive?: {
                                answered: number;
                                maxItems: number;
                                /** @description no more items: submit the attempt */
                                finished: boolean;
                                stopReason: ("target_se" | "max_items" | "pool_exhausted") | null;
                            } | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attempts/{attemptId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An attempt: its items (no answers), saved answers and deadline beside the server time
         * @description Requires the permission `assessment.take`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attemptId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            examId: string;
                            examVersion: number;
                            /** Format: uuid */
                            userId: string;
                            number: number;
                            status: "in_progress" | "submitted" | "graded";
                            /** Format: date-time */
                            startedAt: string;
                            deadlineAt: string | null;
                            /** Format: date-time */
                            serverTime: string;
                            submittedAt: string | null;
                            submissionId: string | null;
                            slots: {
                                /** @description A position of the exam: f3 (fixed item of section 3), d2.1 (second draw of section 2) */
                                slot: string;
                                points: number;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    type: string;
                                    version: number;
                                } & {
                                    [key: string]: unknown;
                                };
                                answer: {
                                    seq: number;
                                    response: ({
                                        /** @enum {string} */
                                        type: "single_choice";
                                        /** @description QTI identifier */
                                        choice: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "multiple_choice";
                                        choices: string[];
                                    } | {
                                        /** @enum {string} */
                                        type: "true_false";
                                        value: boolean;
                                    } | {
                                        /** @enum {string} */
                                        type: "numeric";
                                        value: number;
                                        unit?: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "short_text";
                                        text: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "ordering";
                                        order: string[];
                                    } | {
                                        /** @enum {string} */
                                        type: "matching";
                                        pairs: {
                                            /** @description QTI identifier */
                                            source: string;
                                            /** @description QTI identifier */
                                            target: string;
                                        }[];
                                    } | {
                                        /** @enum {string} */
                                        type: "cloze";
                                        gaps: {
                                            [key: string]: string;
                                        };
                                    } | {
                                        /** @enum {string} */
                                        type: "essay";
                                        text: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "code";
                                        source: string;
                                        language?: string;
                                    }) | null;
                                    /** Format: date-time */
                                    savedAt: string;
                                } | null;
                            }[];
                            adaptive?: {
                                answered: number;
                                maxItems: number;
                                /** @description no more items: submit the attempt */
                                finished: boolean;
                                stopReason: ("target_se" | "max_items" | "pool_exhausted") | null;
                            } | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attempts/{attemptId}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Autosave answers (202): per slot, the highest seq wins
         * @description Accepted into the durable queue and applied by a worker; repeating or reordering autosaves changes nothing. 409 after the attempt was submitted or its time ran out; 422 for an answer of the wrong type or an unknown slot; 503 with Retry-After when the queue is unreachable.
         *
         *     Requires the permission `assessment.take`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attemptId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        answers: {
                            /** @description A position of the exam: f3 (fixed item of section 3), d2.1 (second draw of section 2) */
                            slot: string;
                            seq: number;
                            response: ({
                                /** @enum {string} */
                                type: "single_choice";
                                /** @description QTI identifier */
                                choice: string;
                            } | {
                                /** @enum {string} */
                                type: "multiple_choice";
                                choices: string[];
                            } | {
                                /** @enum {string} */
                                type: "true_false";
                                value: boolean;
                            } | {
                                /** @enum {string} */
                                type: "numeric";
                                value: number;
                                unit?: string;
                            } | {
                                /** @enum {string} */
                                type: "short_text";
                                text: string;
                            } | {
                                /** @enum {string} */
                                type: "ordering";
                                order: string[];
                            } | {
                                /** @enum {string} */
                                type: "matching";
                                pairs: {
                                    /** @description QTI identifier */
                                    source: string;
                                    /** @description QTI identifier */
                                    target: string;
                                }[];
                            } | {
                                /** @enum {string} */
                                type: "cloze";
                                gaps: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @enum {string} */
                                type: "essay";
                                text: string;
                            } | {
                                /** @enum {string} */
                                type: "code";
                                source: string;
                                language?: string;
                            }) | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "accepted";
                            /** Format: uuid */
                            attemptId: string;
                            /** Format: date-time */
                            acceptedAt: string;
                            /** Format: uuid */
                            submissionId?: string;
                            statusUrl?: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attempts/{attemptId}/adaptive-answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer the current item of an adaptive attempt (200 with the attempt: the next item, or finished)
         * @description Adaptive exams give one item at a time, each the most informative at the ability estimated from the answers so far, skills balanced, until the estimate is precise enough or the item limit is reached; then submit the attempt. No feedback before the result. 409 ASSESSMENT.NOT_CURRENT_ITEM for a slot that is not the one waiting (answered already, or the test is over), ASSESSMENT.NOT_ADAPTIVE for other exams' attempts, after the deadline or once submitted; 422 for an answer of the wrong type.
         *
         *     Requires the permission `assessment.take`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attemptId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A position of the exam: f3 (fixed item of section 3), d2.1 (second draw of section 2) */
                        slot: string;
                        response: ({
                            /** @enum {string} */
                            type: "single_choice";
                            /** @description QTI identifier */
                            choice: string;
                        } | {
                            /** @enum {string} */
                            type: "multiple_choice";
                            choices: string[];
                        } | {
                            /** @enum {string} */
                            type: "true_false";
                            value: boolean;
                        } | {
                            /** @enum {string} */
                            type: "numeric";
                            value: number;
                            unit?: string;
                        } | {
                            /** @enum {string} */
                            type: "short_text";
                            text: string;
                        } | {
                            /** @enum {string} */
                            type: "ordering";
                            order: string[];
                        } | {
                            /** @enum {string} */
                            type: "matching";
                            pairs: {
                                /** @description QTI identifier */
                                source: string;
                                /** @description QTI identifier */
                                target: string;
                            }[];
                        } | {
                            /** @enum {string} */
                            type: "cloze";
                            gaps: {
                                [key: string]: string;
                            };
                        } | {
                            /** @enum {string} */
                            type: "essay";
                            text: string;
                        } | {
                            /** @enum {string} */
                            type: "code";
                            source: string;
                            language?: string;
                        }) | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            examId: string;
                            examVersion: number;
                            /** Format: uuid */
                            userId: string;
                            number: number;
                            status: "in_progress" | "submitted" | "graded";
                            /** Format: date-time */
                            startedAt: string;
                            deadlineAt: string | null;
                            /** Format: date-time */
                            serverTime: string;
                            submittedAt: string | null;
                            submissionId: string | null;
                            slots: {
                                /** @description A position of the exam: f3 (fixed item of section 3), d2.1 (second draw of section 2) */
                                slot: string;
                                points: number;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    type: string;
                                    version: number;
                                } & {
                                    [key: string]: unknown;
                                };
                                answer: {
                                    seq: number;
                                    response: ({
                                        /** @enum {string} */
                                        type: "single_choice";
                                        /** @description QTI identifier */
                                        choice: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "multiple_choice";
                                        choices: string[];
                                    } | {
                                        /** @enum {string} */
                                        type: "true_false";
                                        value: boolean;
                                    } | {
                                        /** @enum {string} */
                                        type: "numeric";
                                        value: number;
                                        unit?: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "short_text";
                                        text: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "ordering";
                                        order: string[];
                                    } | {
                                        /** @enum {string} */
                                        type: "matching";
                                        pairs: {
                                            /** @description QTI identifier */
                                            source: string;
                                            /** @description QTI identifier */
                                            target: string;
                                        }[];
                                    } | {
                                        /** @enum {string} */
                                        type: "cloze";
                                        gaps: {
                                            [key: string]: string;
                                        };
                                    } | {
                                        /** @enum {string} */
                                        type: "essay";
                                        text: string;
                                    } | {
                                        /** @enum {string} */
                                        type: "code";
                                        source: string;
                                        language?: string;
                                    }) | null;
                                    /** Format: date-time */
                                    savedAt: string;
                                } | null;
                            }[];
                            adaptive?: {
                                answered: number;
                                maxItems: number;
                                /** @description no more items: submit the attempt */
                                finished: boolean;
                                stopReason: ("target_se" | "max_items" | "pool_exhausted") | null;
                            } | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attempts/{attemptId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit (202 with the submission id and a status URL)
         * @description Accepted into the durable queue; a worker grades it. A second submit of the attempt returns the same submission (never a second grade). After the deadline and grace period: 409 ASSESSMENT.DEADLINE_PASSED, unless the exam takes late work (then marked late, with its penalty).
         *
         *     Requires the permission `assessment.take`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attemptId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        answers?: {
                            /** @description A position of the exam: f3 (fixed item of section 3), d2.1 (second draw of section 2) */
                            slot: string;
                            seq: number;
                            response: ({
                                /** @enum {string} */
                                type: "single_choice";
                                /** @description QTI identifier */
                                choice: string;
                            } | {
                                /** @enum {string} */
                                type: "multiple_choice";
                                choices: string[];
                            } | {
                                /** @enum {string} */
                                type: "true_false";
                                value: boolean;
                            } | {
                                /** @enum {string} */
                                type: "numeric";
                                value: number;
                                unit?: string;
                            } | {
                                /** @enum {string} */
                                type: "short_text";
                                text: string;
                            } | {
                                /** @enum {string} */
                                type: "ordering";
                                order: string[];
                            } | {
                                /** @enum {string} */
                                type: "matching";
                                pairs: {
                                    /** @description QTI identifier */
                                    source: string;
                                    /** @description QTI identifier */
                                    target: string;
                                }[];
                            } | {
                                /** @enum {string} */
                                type: "cloze";
                                gaps: {
                                    [key: string]: string;
                                };
                            } | {
                                /** @enum {string} */
                                type: "essay";
                                text: string;
                            } | {
                                /** @enum {string} */
                                type: "code";
                                source: string;
                                language?: string;
                            }) | null;
                        }[];
                        /** @description the highest seq of the autosaves sent before: grading waits (briefly) until they are applied */
                        lastSeq?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "accepted";
                            /** Format: uuid */
                            attemptId: string;
                            /** Format: date-time */
                            acceptedAt: string;
                            /** Format: uuid */
                            submissionId?: string;
                            statusUrl?: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attempts/{attemptId}/submission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the attempt's submission stands: accepted (queued), then its result as released
         * @description Requires the permission `assessment.take`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    attemptId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            attemptId: string;
                            /** Format: uuid */
                            examId: string;
                            /** Format: uuid */
                            userId: string;
                            status: "accepted" | "graded" | "pending_manual" | "awaiting_code_grader";
                            submittedAt: string | null;
                            late: boolean;
                            auto: boolean;
                            /** @description whether the score is shown (the exam's results release policy) */
                            released: boolean;
                            score: number | null;
                            maxScore: number | null;
                            percent: number | null;
                            penalty: number | null;
                            passed: boolean | null;
                            gradedAt: string | null;
                            items: {
                                slot: string;
                                /** Format: uuid */
                                itemId: string;
                                itemVersion: number;
                                status: "graded" | "needs_manual" | "awaiting_code_grader";
                                score: number | null;
                                maxScore: number;
                                correct: boolean | null;
                                selected: string[];
                                feedback?: string[];
                            }[] | null;
                            ability?: {
                                /** @description ability on the IRT scale (0: an average student of the calibration) */
                                theta: number;
                                standardError: number;
                            } | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{submissionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A submission and its result (students: their own, as released)
         * @description Requires the permission `assessment.take`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    submissionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            attemptId: string;
                            /** Format: uuid */
                            examId: string;
                            /** Format: uuid */
                            userId: string;
                            status: "accepted" | "graded" | "pending_manual" | "awaiting_code_grader";
                            submittedAt: string | null;
                            late: boolean;
                            auto: boolean;
                            /** @description whether the score is shown (the exam's results release policy) */
                            released: boolean;
                            score: number | null;
                            maxScore: number | null;
                            percent: number | null;
                            penalty: number | null;
                            passed: boolean | null;
                            gradedAt: string | null;
                            items: {
                                slot: string;
                                /** Format: uuid */
                                itemId: string;
                                itemVersion: number;
                                status: "graded" | "needs_manual" | "awaiting_code_grader";
                                score: number | null;
                                maxScore: number;
                                correct: boolean | null;
                                selected: string[];
                                feedback?: string[];
                            }[] | null;
                            ability?: {
                                /** @description ability on the IRT scale (0: an average student of the calibration) */
                                theta: number;
                                standardError: number;
                            } | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your submissions, newest first
         * @description Requires the permission `assessment.take`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                attemptId: string;
                                /** Format: uuid */
                                examId: string;
                                /** Format: uuid */
                                userId: string;
                                status: "accepted" | "graded" | "pending_manual" | "awaiting_code_grader";
                                submittedAt: string | null;
                                late: boolean;
                                auto: boolean;
                                /** @description whether the score is shown (the exam's results release policy) */
                                released: boolean;
                                score: number | null;
                                maxScore: number | null;
                                percent: number | null;
                                penalty: number | null;
                                passed: boolean | null;
                                gradedAt: string | null;
                                items: {
                                    slot: string;
                                    /** Format: uuid */
                                    itemId: string;
                                    itemVersion: number;
                                    status: "graded" | "needs_manual" | "awaiting_code_grader";
                                    score: number | null;
                                    maxScore: number;
                                    correct: boolean | null;
                                    selected: string[];
                                    feedback?: string[];
                                }[] | null;
                                ability?: {
                                    /** @description ability on the IRT scale (0: an average student of the calibration) */
                                    theta: number;
                                    standardError: number;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exams/{examId}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every submission of an exam (staff), by id
         * @description Requires the permission `assessment.results.read`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description the last submission id of the previous page */
                    after?: string;
                };
                header?: never;
                path: {
                    examId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                attemptId: string;
                                /** Format: uuid */
                                examId: string;
                                /** Format: uuid */
                                userId: string;
                                status: "accepted" | "graded" | "pending_manual" | "awaiting_code_grader";
                                submittedAt: string | null;
                                late: boolean;
                                auto: boolean;
                                /** @description whether the score is shown (the exam's results release policy) */
                                released: boolean;
                                score: number | null;
                                maxScore: number | null;
                                percent: number | null;
                                penalty: number | null;
                                passed: boolean | null;
                                gradedAt: string | null;
                                items: {
                                    slot: string;
                                    /** Format: uuid */
                                    itemId: string;
                                    itemVersion: number;
                                    status: "graded" | "needs_manual" | "awaiting_code_grader";
                                    score: number | null;
                                    maxScore: number;
                                    correct: boolean | null;
                                    selected: string[];
                                    feedback?: string[];
                                }[] | null;
                                ability?: {
                                    /** @description ability on the IRT scale (0: an average student of the calibration) */
                                    theta: number;
                                    standardError: number;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/results/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events: `submission.graded` whenever one of your submissions is graded
         * @description Each event carries submissionId, attemptId, examId and status; read the result from the submission (release rules apply). Nothing is replayed: on (re)connecting, read your submissions first.
         *
         *     Requires the permission `assessment.take`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exams/{examId}/analysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item analysis of an exam: facility, discrimination, distractors, score distribution and reliability
         * @description Over the exam's wholly graded submissions (one waiting for an essay grade counts once graded). Read from running statistics the grading workers keep, so its cost does not grow with the number of attempts.
         *
         *     Requires the permission `assessment.results.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    examId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            exam: {
                                n: number;
                                meanTotal: number | null;
                                standardDeviation: number | null;
                                minTotal: number | null;
                                maxTotal: number | null;
                                /** @description minTotal is only a lower bound (its attempt was regraded) */
                                minTotalMayBeStale: boolean;
                                /** @description maxTotal is only an upper bound (its attempt was regraded) */
                                maxTotalMayBeStale: boolean;
                                medianPercentEstimate: number | null;
                                passRate: number | null;
                                histogram: {
                                    fromPercent: number;
                                    toPercent: number;
                                    count: number;
                                }[];
                                slotCount: number;
                                cronbachAlpha: number | null;
                                standardErrorOfMeasurement: number | null;
                            };
                            items: {
                                /** Format: uuid */
                                itemId: string;
                                title: string | null;
                                /** @description graded attempts that held the item */
                                n: number;
                                maxScore: number;
                                meanScore: number | null;
                                facility: number | null;
                                pCorrect: number | null;
                                discrimination: number | null;
                                itemRestCorrelation: number | null;
                                /** @description distractor counts: options in id order, blank last */
                                choices: {
                                    /** @description an option id, `true`/`false`, or `blank` */
                                    choice: string;
                                    count: number;
                                    share: number | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exams/{examId}/regrade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-score every submission holding an item with the item's latest (corrected) version
         * @description Each affected submission is graded again for that item, its totals recomputed (essays keep their scores), its grading round raised, the item analysis adjusted and `assessment.submission.regraded` emitted. Submissions already at the latest version are left alone, so repeating the request is harmless.
         *
         *     Requires the permission `assessment.exams.manage`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    examId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        itemId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            itemId: string;
                            /** @description the version submissions are now scored with */
                            itemVersion: number;
                            /** @description submissions re-scored by this request */
                            regraded: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exams/{examId}/grading-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Essays of an exam waiting for a grader, oldest submission first
         * @description Each with the student's answer, the item's stem and rubric (score criteria by their index), and the slot's points.
         *
         *     Requires the permission `assessment.grade`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    examId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                submissionId: string;
                                /** Format: uuid */
                                attemptId: string;
                                /** Format: uuid */
                                userId: string;
                                slot: string;
                                /** Format: date-time */
                                submittedAt: string;
                                /** @description the slot's points */
                                maxScore: number;
                                item: {
                                    /** Format: uuid */
                                    id: string;
                                    version: number;
                                    title: string | null;
                                    stem: string | null;
                                    /** @description score criteria by their index here; an item without rubric points has one "Overall" criterion worth the slot's points */
                                    rubric: {
                                        criterion: string;
                                        points: number;
                                    }[];
                                    expectedWords: number | null;
                                };
                                answer: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/submissions/{submissionId}/grades/{slot}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Grade an essay with its rubric (again, to change the grade)
         * @description Score every criterion of the rubric once, 0 to its points (422 lists what is wrong). The slot scores the share of the rubric's points earned times its own points. The submission's totals follow (the late penalty kept); once no essay waits it is graded, assessment.submission.graded is published and the student is told live.
         *
         *     Requires the permission `assessment.grade`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    submissionId: string;
                    /** @description the essay's slot in the attempt */
                    slot: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description every criterion of the rubric, once */
                        rubric: {
                            /** @description index of the criterion in the item's rubric */
                            criterion: number;
                            points: number;
                        }[];
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            submissionId: string;
                            slot: string;
                            score: number;
                            maxScore: number;
                            rubric: {
                                criterion: number;
                                points: number;
                            }[];
                            comment: string | null;
                            gradedBy: string | null;
                            /** Format: date-time */
                            gradedAt: string;
                            submission: {
                                status: "graded" | "pending_manual" | "awaiting_code_grader";
                                score: number;
                                maxScore: number;
                                penalty: number;
                                passed: boolean | null;
                                gradingRound: number;
                            };
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/gradebook/scheme": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A course's grading scheme (the default until staff set one)
         * @description Requires the permission `assessment.results.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            categories: {
                                category: "quiz" | "exam" | "assignment" | "practice";
                                /** @description percent; weights are renormalised over the categories a student has grades in */
                                weight: number;
                                /** @description how many of the lowest results do not count (at least one always does) */
                                dropLowest: number;
                            }[];
                            /** @description no scheme set: equal weights over the categories of the course's exams, nothing dropped */
                            isDefault: boolean;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Set a course's category weights and drops (If-Match)
         * @description Each category once. Weights are percentages, renormalised per student over the categories they have grades in, so they need not add up to 100. A category left out weighs 0 (shown in the gradebook, not counted).
         *
         *     Requires the permission `assessment.exams.manage`.
         */
        put: {
            parameters: {
                query?: never;
                header: {
                    /** @description The scheme's version as its ETag ("0" while the default applies) */
                    "if-match": string;
                };
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description each category once; a category left out weighs 0 */
                        categories: {
                            category: "quiz" | "exam" | "assignment" | "practice";
                            /** @description percent; weights are renormalised over the categories a student has grades in */
                            weight: number;
                            /** @description how many of the lowest results do not count (at least one always does) */
                            dropLowest: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            categories: {
                                category: "quiz" | "exam" | "assignment" | "practice";
                                /** @description percent; weights are renormalised over the categories a student has grades in */
                                weight: number;
                                /** @description how many of the lowest results do not count (at least one always does) */
                                dropLowest: number;
                            }[];
                            /** @description no scheme set: equal weights over the categories of the course's exams, nothing dropped */
                            isDefault: boolean;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/gradebook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A course's gradebook, a page of students at a time
         * @description Per exam each student's best graded percent (pending: an attempt still waits for a grader), per category the mean after dropping the lowest, and the weighted course percent. Students are those with a submission in the course's exams, by id.
         *
         *     Requires the permission `assessment.results.read`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            scheme: {
                                /** Format: uuid */
                                courseId: string;
                                categories: {
                                    category: "quiz" | "exam" | "assignment" | "practice";
                                    /** @description percent; weights are renormalised over the categories a student has grades in */
                                    weight: number;
                                    /** @description how many of the lowest results do not count (at least one always does) */
                                    dropLowest: number;
                                }[];
                                /** @description no scheme set: equal weights over the categories of the course's exams, nothing dropped */
                                isDefault: boolean;
                                version: number;
                            };
                            exams: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                category: "quiz" | "exam" | "assignment" | "practice";
                            }[];
                            items: {
                                /** Format: uuid */
                                userId: string;
                                percent: number | null;
                                /** @description one per exam column, in the same order */
                                exams: {
                                    /** Format: uuid */
                                    examId: string;
                                    /** @description the best graded attempt (after any late penalty); null while none is graded */
                                    percent: number | null;
                                    /** @description some submission still waits for a grader (essays) or the code runner */
                                    pending: boolean;
                                    attempts: number;
                                    /** @description whether the student may see the result counted here */
                                    released: boolean;
                                }[];
                                categories: {
                                    category: "quiz" | "exam" | "assignment" | "practice";
                                    weight: number;
                                    effectiveWeight: number | null;
                                    percent: number | null;
                                    counted: string[];
                                    dropped: string[];
                                }[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courses/{courseId}/gradebook.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A course's whole gradebook as CSV (a download)
         * @description A header row (userId, the exam titles, the categories, course %), then a row per student. An exam cell is the percent, `pending` while only ungraded attempts exist, or empty. Cells a spreadsheet would run as formulas start with a single quote.
         *
         *     Requires the permission `assessment.results.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/gradebook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your row of a course's gradebook
         * @description Only results released to you count and show.
         *
         *     Requires the permission `assessment.take`.
         */
        get: {
            parameters: {
                query: {
                    courseId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            scheme: {
                                /** Format: uuid */
                                courseId: string;
                                categories: {
                                    category: "quiz" | "exam" | "assignment" | "practice";
                                    /** @description percent; weights are renormalised over the categories a student has grades in */
                                    weight: number;
                                    /** @description how many of the lowest results do not count (at least one always does) */
                                    dropLowest: number;
                                }[];
                                /** @description no scheme set: equal weights over the categories of the course's exams, nothing dropped */
                                isDefault: boolean;
                                version: number;
                            };
                            exams: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                category: "quiz" | "exam" | "assignment" | "practice";
                            }[];
                            row: {
                                /** Format: uuid */
                                userId: string;
                                percent: number | null;
                                /** @description one per exam column, in the same order */
                                exams: {
                                    /** Format: uuid */
                                    examId: string;
                                    /** @description the best graded attempt (after any late penalty); null while none is graded */
                                    percent: number | null;
                                    /** @description some submission still waits for a grader (essays) or the code runner */
                                    pending: boolean;
                                    attempts: number;
                                    /** @description whether the student may see the result counted here */
                                    released: boolean;
                                }[];
                                categories: {
                                    category: "quiz" | "exam" | "assignment" | "practice";
                                    weight: number;
                                    effectiveWeight: number | null;
                                    percent: number | null;
                                    counted: string[];
                                    dropped: string[];
                                }[];
                            };
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The next practice item for a course or goal skills, with the reason and the predicted chance of success
         * @description Prerequisites first, then items predicted in the course's target band; due reviews are interleaved; mastered skills are skipped. A course must be one the student is enrolled in (404 otherwise). `item` is null when everything is mastered.
         *
         *     Requires the permission `adaptive.self`.
         */
        get: {
            parameters: {
                query?: {
                    courseId?: string;
                    /** @description goal skill ids, comma-separated (at most 50) */
                    skills?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            item: {
                                [key: string]: unknown;
                            } | null;
                            skill: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            reason: {
                                code: "review_due" | "prerequisite" | "close_to_mastery" | "new_skill" | "practice" | "explore";
                                /** @description the reason in words, e.g. "Review due: Fractions" */
                                text: string;
                                forSkill: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                            } | null;
                            predictedSuccess: number | null;
                            mastery: number | null;
                            /** @description skills of the goal whose review is due now */
                            dueReviews: number;
                            message: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/practice/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer a practice item: graded at once (the exam grading code), the learner model updated before the reply
         * @description The response has the shape of the item type, as in exams. Essays and code are not practice items (422). The item must belong to a course the student learns in (404 otherwise). Send an Idempotency-Key to make retries safe.
         *
         *     Requires the permission `adaptive.self`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        itemId: string;
                        /** Format: uuid */
                        courseId?: string;
                        /** @description the response, in the shape of the item type (as in exams); null: skipped */
                        response: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            responseId: string;
                            /** Format: uuid */
                            itemId: string;
                            correct: boolean;
                            score: number;
                            maxScore: number;
                            /** @description what to show after answering: right or wrong, the explanation, per-choice feedback */
                            feedback: unknown;
                            mastery: {
                                skill: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                before: number;
                                after: number;
                                mastered: boolean;
                            }[];
                            reviews: {
                                skill: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** Format: date-time */
                                dueAt: string;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/mastery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Mastery per skill (of a course, or every skill practised) and the IRT ability, of the caller or (staff) a learner
         * @description Requires the permission `adaptive.self`.
         */
        get: {
            parameters: {
                query?: {
                    courseId?: string;
                    /** @description another learner (staff only); default: the caller */
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            userId: string;
                            masteryThreshold: number;
                            skills: {
                                skill: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                pKnown: number;
                                mastered: boolean;
                                attempts: number;
                                successes: number;
                                reviewDueAt: string | null;
                            }[];
                            ability: {
                                theta: number;
                                se: number;
                                responses: number;
                            };
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Skills whose spaced review is due now, most overdue first
         * @description Requires the permission `adaptive.self`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                skill: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** Format: date-time */
                                dueAt: string;
                                scheduler: "fsrs" | "sm2";
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's adaptive settings (which scheduler plans their reviews)
         * @description Requires the permission `adaptive.self`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description how spaced reviews are planned */
                            scheduler: "fsrs" | "sm2";
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Choose FSRS (default) or SM-2 for one's spaced reviews; cards switch at their next review
         * @description Requires the permission `adaptive.self`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description how spaced reviews are planned */
                        scheduler: "fsrs" | "sm2";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description how spaced reviews are planned */
                            scheduler: "fsrs" | "sm2";
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/paths": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The learning path to a course or goal skills: skills in prerequisite order with their lessons and the items expected to remain
         * @description Requires the permission `adaptive.self`.
         */
        get: {
            parameters: {
                query?: {
                    courseId?: string;
                    /** @description goal skill ids, comma-separated (at most 50) */
                    skills?: string;
                    /** @description another learner (staff only); default: the caller */
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            courseId: string | null;
                            steps: {
                                skill: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                status: "mastered" | "ready" | "locked";
                                pKnown: number;
                                itemsRemaining: number;
                                lessons: {
                                    /** Format: uuid */
                                    lessonId: string;
                                    title: string;
                                }[];
                            }[];
                            /** @description expected practice items until every step is mastered */
                            itemsRemaining: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * For the home page: the next step in each of the caller's courses, with reasons, and due reviews
         * @description Requires the permission `adaptive.self`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                courseId: string;
                                courseTitle: string;
                                skill: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                reason: string | null;
                                reasonCode: ("review_due" | "prerequisite" | "close_to_mastery" | "new_skill" | "practice" | "explore") | null;
                                forSkill: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                } | null;
                                predictedSuccess: number | null;
                            }[];
                            dueReviews: {
                                skill: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                /** Format: date-time */
                                dueAt: string;
                                scheduler: "fsrs" | "sm2";
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/predictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * P(correct) of a learner on an item, with the contribution of each feature (log-odds)
         * @description Requires the permission `adaptive.self`.
         */
        get: {
            parameters: {
                query: {
                    itemId: string;
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            userId: string;
                            /** Format: uuid */
                            itemId: string;
                            pCorrect: number;
                            skill: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            contributions: {
                                feature: string;
                                /** @description the feature in words */
                                label: string;
                                value: number;
                                weight: number;
                                /** @description weight × value, on the log-odds scale */
                                contribution: number;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/courses/{courseId}/mastery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Class mastery heat map: P(known) of every student on every skill of the course
         * @description Requires the permission `adaptive.insights`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            masteryThreshold: number;
                            skills: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            students: {
                                /** Format: uuid */
                                userId: string;
                                /** @description P(known) per skill, in the order of `skills`; null: never practised */
                                mastery: (number | null)[];
                            }[];
                            average: (number | null)[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/courses/{courseId}/at-risk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Students predicted to struggle on an exam: expected score on its items below the threshold (default 0.6), weakest first
         * @description The exam named by examId, else the course's next exam (the soonest to close of those still open), else the course's whole item bank.
         *
         *     Requires the permission `adaptive.insights`.
         */
        get: {
            parameters: {
                query?: {
                    threshold?: number;
                    /** @description the exam to predict (default: the course's next exam, else the course's items) */
                    examId?: string;
                };
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            threshold: number;
                            exam: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                opensAt: string | null;
                                closesAt: string | null;
                            } | null;
                            items: {
                                /** Format: uuid */
                                userId: string;
                                expectedScore: number;
                                weakestSkills: {
                                    skill: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    pKnown: number;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/courses/{courseId}/item-fit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Items whose parameters look wrong: negative discrimination, misfit, far too easy or hard
         * @description Requires the permission `adaptive.insights`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            items: {
                                /** Format: uuid */
                                itemId: string;
                                title: string | null;
                                responses: number;
                                pCorrect: number;
                                a: number | null;
                                b: number | null;
                                infit: number | null;
                                pointBiserial: number | null;
                                flags: ("negative_discrimination" | "misfit" | "too_easy" | "too_hard")[];
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/courses/{courseId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The course's selection settings (target band, mastery threshold), with its ETag
         * @description Requires the permission `adaptive.insights`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            targetLow: number;
                            targetHigh: number;
                            masteryThreshold: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the target band of predicted success and the mastery threshold (If-Match required)
         * @description Requires the permission `adaptive.manage`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        targetLow?: number;
                        targetHigh?: number;
                        masteryThreshold?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            courseId: string;
                            targetLow: number;
                            targetHigh: number;
                            masteryThreshold: number;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/adaptive/tests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an adaptive test on a course's items; stops at the target standard error or the item limit
         * @description Requires the permission `adaptive.self`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        courseId: string;
                        /** @default 20 */
                        maxItems?: number;
                        /** @default 0.3 */
                        targetSe?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            status: "in_progress" | "finished";
                            item: {
                                [key: string]: unknown;
                            } | null;
                            answered: number;
                            maxItems: number;
                            theta: number;
                            se: number;
                            targetSe: number;
                            stopReason: ("target_se" | "max_items" | "pool_exhausted") | null;
                            lastCorrect: boolean | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/tests/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An adaptive test of the caller: the current item, or the result when finished
         * @description Requires the permission `adaptive.self`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            status: "in_progress" | "finished";
                            item: {
                                [key: string]: unknown;
                            } | null;
                            answered: number;
                            maxItems: number;
                            theta: number;
                            se: number;
                            targetSe: number;
                            stopReason: ("target_se" | "max_items" | "pool_exhausted") | null;
                            lastCorrect: boolean | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/tests/{sessionId}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer the current item of an adaptive test; returns the next item or the final ability estimate
         * @description Only the item the test is asking may be answered (409 otherwise); a finished test takes no answers (409).
         *
         *     Requires the permission `adaptive.self`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sessionId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        itemId: string;
                        response: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            courseId: string;
                            status: "in_progress" | "finished";
                            item: {
                                [key: string]: unknown;
                            } | null;
                            answered: number;
                            maxItems: number;
                            theta: number;
                            se: number;
                            targetSe: number;
                            stopReason: ("target_se" | "max_items" | "pool_exhausted") | null;
                            lastCorrect: boolean | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's fitted learner models: when, on how many answers, and their held-out AUC and calibration
         * @description Requires the permission `adaptive.models`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fittedAt: string | null;
                            responses: number;
                            skillsFitted: number;
                            itemsCalibrated: number;
                            predictor: {
                                [key: string]: number;
                            };
                            fsrsOptimised: boolean;
                            evaluation: {
                                heldOutResponses: number;
                                auc: number | null;
                                calibration: {
                                    decile: number;
                                    predicted: number;
                                    observed: number;
                                    count: number;
                                }[];
                            } | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/adaptive/models/refit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refit the tenant's models now (BKT by EM, 2PL calibration, FSRS parameters, the predictor's weights); also runs every 6 hours
         * @description Requires the permission `adaptive.models`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fittedAt: string | null;
                            responses: number;
                            skillsFitted: number;
                            itemsCalibrated: number;
                            predictor: {
                                [key: string]: number;
                            };
                            fsrsOptimised: boolean;
                            evaluation: {
                                heldOutResponses: number;
                                auc: number | null;
                                calibration: {
                                    decile: number;
                                    predicted: number;
                                    observed: number;
                                    count: number;
                                }[];
                            } | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your notifications, newest first (unread=true: only the unread ones)
         * @description Requires the permission `notify.self`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                    /** @description only the unread ones */
                    unread?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                category: "results" | "reminders" | "billing" | "course_updates" | "marketing" | "grading";
                                /** @description what happened, e.g. result.ready, review.due, enrollment.active */
                                kind: string;
                                title: string;
                                body: string;
                                link: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                readAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many of your notifications are unread (the bell)
         * @description Requires the permission `notify.self`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unread: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{notificationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of your notifications read (again: no change)
         * @description Requires the permission `notify.self`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    notificationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            marked: number;
                            unread: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all your notifications read
         * @description Requires the permission `notify.self`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            marked: number;
                            unread: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events: `notification` for each new one and `unread` when the count changes elsewhere
         * @description Every open tab and device of yours gets each event. Nothing is replayed: on (re)connecting, `ready` carries the unread count; read the list then.
         *
         *     Requires the permission `notify.self`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your notification preferences (defaults until you change them), with their ETag
         * @description Requires the permission `notify.self`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categories: {
                                results: {
                                    inApp: boolean;
                                    email: boolean;
                                    push: boolean;
                                    sms: boolean;
                                };
                                reminders: {
                                    inApp: boolean;
                                    email: boolean;
                                    push: boolean;
                                    sms: boolean;
                                };
                                billing: {
                                    inApp: boolean;
                                    email: boolean;
                                    push: boolean;
                                    sms: boolean;
                                };
                                course_updates: {
                                    inApp: boolean;
                                    email: boolean;
                                    push: boolean;
                                    sms: boolean;
                                };
                                marketing: {
                                    inApp: boolean;
                                    email: boolean;
                                    push: boolean;
                                    sms: boolean;
                                };
                                grading: {
                                    inApp: boolean;
                                    email: boolean;
                                    push: boolean;
                                    sms: boolean;
                                };
                            };
                            quietHours: {
                                /** @description HH:MM, 24-hour, in the user's time zone */
                                start: string;
                                /** @description HH:MM, 24-hour, in the user's time zone */
                                end: string;
                            } | null;
                            /** @description an IANA time zone, e.g. Europe/Paris */
                            timeZone: string;
                            digest: "immediate" | "daily" | "weekly";
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Change your notification preferences (If-Match: the ETag read); only what the body names changes
         * @description 412 when they changed since you read them; 400 for an unknown time zone or a malformed body.
         *
         *     Requires the permission `notify.self`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        categories?: {
                            results?: {
                                inApp?: boolean;
                                email?: boolean;
                                push?: boolean;
                                sms?: boolean;
                            };
                            reminders?: {
                                inApp?: boolean;
                                email?: boolean;
                                push?: boolean;
                                sms?: boolean;
                            };
                            billing?: {
                                inApp?: boolean;
                                email?: boolean;
                                push?: boolean;
                                sms?: boolean;
                            };
                            course_updates?: {
                                inApp?: boolean;
                                email?: boolean;
                                push?: boolean;
                                sms?: boolean;
                            };
                            marketing?: {
                                inApp?: boolean;
                                email?: boolean;
                                push?: boolean;
                                sms?: boolean;
                            };
                            grading?: {
                                inApp?: boolean;
                                email?: boolean;
                                push?: boolean;
                                sms?: boolean;
                            };
                        };
                        quietHours?: {
                            /** @description HH:MM, 24-hour, in the user's time zone */
                            start: string;
                            /** @description HH:MM, 24-hour, in the user's time zone */
                            end: string;
                        } | null;
                        timeZone?: string;
                        digest?: "immediate" | "daily" | "weekly";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categories: {
                                results: {
                                    inApp: boolean;
                                    email: boolean;
                                    push: boolean;
                                    sms: boolean;
                                };
                                reminders: {
                                    inApp: boolean;
                                    email: boolean;
                                    push: boolean;
                                    sms: boolean;
                                };
                                billing: {
                                    inApp: boolean;
                                    email: boolean;
                                    push: boolean;
                                    sms: boolean;
                                };
                                course_updates: {
                                    inApp: boolean;
                                    email: boolean;
                                    push: boolean;
                                    sms: boolean;
                                };
                                marketing: {
                                    inApp: boolean;
                                    email: boolean;
                                    push: boolean;
                                    sms: boolean;
                                };
                                grading: {
                                    inApp: boolean;
                                    email: boolean;
                                    push: boolean;
                                    sms: boolean;
                                };
                            };
                            quietHours: {
                                /** @description HH:MM, 24-hour, in the user's time zone */
                                start: string;
                                /** @description HH:MM, 24-hour, in the user's time zone */
                                end: string;
                            } | null;
                            /** @description an IANA time zone, e.g. Europe/Paris */
                            timeZone: string;
                            digest: "immediate" | "daily" | "weekly";
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One-click unsubscribe from an email's category (RFC 8058; the signed token comes from the email's List-Unsubscribe link)
         * @description No credential needed.
         */
        post: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            category: "results" | "reminders" | "billing" | "course_updates" | "marketing" | "grading";
                            /** @enum {boolean} */
                            email: false;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's delivery log, newest first: each notification's email per recipient, with tries and the last error
         * @description Requires the permission `notify.deliveries`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    /** @description queued: to go out now; held: for quiet hours, a digest or the tenant's send rate; sent: handed over; delivered: the provider confirmed it; bounced: refused for good; failed: every try failed */
                    status?: "queued" | "held" | "sent" | "delivered" | "bounced" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                notificationId: string;
                                /** Format: uuid */
                                userId: string;
                                channel: "email" | "push" | "sms";
                                /** @description queued: to go out now; held: for quiet hours, a digest or the tenant's send rate; sent: handed over; delivered: the provider confirmed it; bounced: refused for good; failed: every try failed */
                                status: "queued" | "held" | "sent" | "delivered" | "bounced" | "failed";
                                attempts: number;
                                lastError: string | null;
                                notBefore: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                sentAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notifications/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's email brand and send-rate limit, with their ETag
         * @description Requires the permission `notify.settings`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sendsPerMinute: number | null;
                            /** @description the limit in force */
                            effectiveSendsPerMinute: number;
                            brandName: string | null;
                            brandColor: string | null;
                            brandLogoUrl: string | null;
                            emailFooter: string | null;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Change the tenant's email brand or send-rate limit (If-Match: the ETag read); only what the body names changes
         * @description 412 when they changed since you read them.
         *
         *     Requires the permission `notify.settings`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        sendsPerMinute?: number | null;
                        brandName?: string | null;
                        brandColor?: string | null;
                        brandLogoUrl?: string | null;
                        emailFooter?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sendsPerMinute: number | null;
                            /** @description the limit in force */
                            effectiveSendsPerMinute: number;
                            brandName: string | null;
                            brandColor: string | null;
                            brandLogoUrl: string | null;
                            emailFooter: string | null;
                            version: number;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your number for SMS notifications, and whether it is verified (404: none)
         * @description Requires the permission `notify.self`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description E.164, e.g. +33612345678 */
                            phone: string;
                            /** @description the code sent to it was entered; only then do SMS go there */
                            verified: boolean;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Set your number for SMS notifications: it is texted a 6-digit code to verify it with (valid 10 minutes)
         * @description SMS go to the number only once verified. 429 after 5 codes in an hour (to you, or to this number); 422 when this platform sends no SMS or the number cannot receive them.
         *
         *     Requires the permission `notify.self`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description E.164: +, the country code, the number; no spaces */
                        phone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description E.164, e.g. +33612345678 */
                            phone: string;
                            /** @description the code sent to it was entered; only then do SMS go there */
                            verified: boolean;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Remove your number: no more SMS notifications
         * @description Requires the permission `notify.self`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/phone/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify your number with the code texted to it
         * @description 422 for a wrong code (the fifth wrong try voids it), an expired one, or none waiting; 404 when you have no number.
         *
         *     Requires the permission `notify.self`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the 6 digits texted to the number */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description E.164, e.g. +33612345678 */
                            phone: string;
                            /** @description the code sent to it was entered; only then do SMS go there */
                            verified: boolean;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/sms/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Twilio's status callback for an SMS notify sent (signed with X-Twilio-Signature; no sign-in)
         * @description Twilio calls it, not clients: 403 unless the X-Twilio-Signature matches. `delivered` confirms the delivery; `undelivered` and `failed` bounce it with the error code.
         *
         *     No credential needed.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/push/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The server's VAPID public key: pass it as `applicationServerKey` to `pushManager.subscribe`
         * @description Requires the permission `notify.self`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description uncompressed P-256 public key, base64url */
                            publicKey: string;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/push/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The browsers and devices that receive your pushes
         * @description Requires the permission `notify.self`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                endpoint: string;
                                /** @description the browser that subscribed, as it named itself */
                                userAgent: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description when a push last reached its push service */
                                lastSuccessAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Receive pushes in this browser: send its PushSubscription (`subscription.toJSON()`)
         * @description 201 for a new subscription; 200 with the existing one when the endpoint is already known (it becomes yours). 400 for an endpoint that is not https or keys of the wrong length.
         *
         *     Requires the permission `notify.self`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the push service URL (https) */
                        endpoint: string;
                        expirationTime?: number | null;
                        keys: {
                            /** @description the browser's P-256 public key: 65 bytes, uncompressed */
                            p256dh: string;
                            /** @description the browser's 16-byte authentication secret */
                            auth: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            endpoint: string;
                            /** @description the browser that subscribed, as it named itself */
                            userAgent: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description when a push last reached its push service */
                            lastSuccessAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            endpoint: string;
                            /** @description the browser that subscribed, as it named itself */
                            userAgent: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description when a push last reached its push service */
                            lastSuccessAt: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/push/subscriptions/{subscriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Stop pushes to one of your browsers
         * @description Requires the permission `notify.self`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    subscriptionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview an announcement: how many it reaches now and its email as they will read it; nothing is sent
         * @description Requires the permission `notify.announce`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        audience: {
                            /** Format: uuid */
                            courseId: string;
                        } | {
                            role: "student" | "instructor" | "tutor" | "tenant_admin";
                        };
                        title: string;
                        body: string;
                        /**
                         * @description recipients' preferences for this category decide the channels
                         * @default course_updates
                         */
                        category?: "course_updates" | "marketing";
                        /**
                         * Format: date-time
                         * @description when to send (default: now); at most a year ahead
                         */
                        sendAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recipients: number;
                            email: {
                                subject: string;
                                text: string;
                                html: string;
                            };
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Announcements newest first: your own (tenant admins: all of the tenant's)
         * @description Requires the permission `notify.announce`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                authorId: string;
                                audience: {
                                    /** Format: uuid */
                                    courseId: string;
                                } | {
                                    role: "student" | "instructor" | "tutor" | "tenant_admin";
                                };
                                category: string;
                                title: string;
                                body: string;
                                /** Format: date-time */
                                sendAt: string;
                                status: "scheduled" | "sending" | "sent" | "cancelled";
                                recipients: number | null;
                                /** Format: date-time */
                                createdAt: string;
                                sentAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Announce to a course's students (or, tenant admins, to everyone holding a role), now or at `sendAt`
         * @description Each recipient gets it as a notification in the app and on the channels they chose for its category. 403 for a role audience unless tenant admin.
         *
         *     Requires the permission `notify.announce`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        audience: {
                            /** Format: uuid */
                            courseId: string;
                        } | {
                            role: "student" | "instructor" | "tutor" | "tenant_admin";
                        };
                        title: string;
                        body: string;
                        /**
                         * @description recipients' preferences for this category decide the channels
                         * @default course_updates
                         */
                        category?: "course_updates" | "marketing";
                        /**
                         * Format: date-time
                         * @description when to send (default: now); at most a year ahead
                         */
                        sendAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            authorId: string;
                            audience: {
                                /** Format: uuid */
                                courseId: string;
                            } | {
                                role: "student" | "instructor" | "tutor" | "tenant_admin";
                            };
                            category: string;
                            title: string;
                            body: string;
                            /** Format: date-time */
                            sendAt: string;
                            status: "scheduled" | "sending" | "sent" | "cancelled";
                            recipients: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            sentAt: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/{announcementId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One announcement, with its status and how many it reached
         * @description Requires the permission `notify.announce`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    announcementId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            authorId: string;
                            audience: {
                                /** Format: uuid */
                                courseId: string;
                            } | {
                                role: "student" | "instructor" | "tutor" | "tenant_admin";
                            };
                            category: string;
                            title: string;
                            body: string;
                            /** Format: date-time */
                            sendAt: string;
                            status: "scheduled" | "sending" | "sent" | "cancelled";
                            recipients: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            sentAt: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/{announcementId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a scheduled announcement (409 once it is going out or sent)
         * @description Requires the permission `notify.announce`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    announcementId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            authorId: string;
                            audience: {
                                /** Format: uuid */
                                courseId: string;
                            } | {
                                role: "student" | "instructor" | "tutor" | "tenant_admin";
                            };
                            category: string;
                            title: string;
                            body: string;
                            /** Format: date-time */
                            sendAt: string;
                            status: "scheduled" | "sending" | "sent" | "cancelled";
                            recipients: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            sentAt: string | null;
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send your learning events: a batch of up to 1000, as compact JSON ({ events }) or xAPI 1.0.3 statements ({ statements } or an array)
         * @description Each item is validated (schema, event time neither older than the allowed age nor in the future, the actor must be you, a course must be your tenant's) and deduplicated by its id; the valid ones are stored durably before the 202, invalid ones are listed with their errors. A batch with no valid item answers 422 with every item's errors; a body that is not a batch 400; too many items 413.
         *
         *     Requires the permission `analytics.events.write`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description { events: LearningEvent[] } | { statements: Statement[] } | Statement[] */
            requestBody: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description events stored for aggregation (one seen before is counted once) */
                            accepted: number;
                            /** @description events repeated inside the batch (the first occurrence is accepted) */
                            duplicates: number;
                            rejected: {
                                index: number;
                                id: string | null;
                                errors: {
                                    pointer: string;
                                    detail: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/courses/{courseId}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A course's activity over time: one-minute windows, or their five-minute or hourly rollups
         * @description Distinct users are exact up to 1,000 per bucket, then a HyperLogLog estimate (standard error about 1.6 %; `activeUsersExact` says which).
         *
         *     Requires the permission `analytics.course.read`.
         */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    granularity: "minute" | "five_minutes" | "hour";
                };
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            latencyBoundsMs: number[];
                            buckets: {
                                /** Format: date-time */
                                start: string;
                                events: number;
                                activeUsers: number;
                                activeUsersExact: boolean;
                                pageViews: number;
                                attempts: number;
                                correctRate: number | null;
                                timeOnTaskMs: number;
                                videoViews: number;
                                videoCompletions: number;
                                lessonsCompleted: number;
                                searches: number;
                                /** @description item attempts per latency bucket (bounds in latencyBoundsMs; the last takes the rest) */
                                latencyMs: number[];
                                /** @description every window of the bucket is closed: late events no longer change it */
                                final: boolean;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/courses/{courseId}/activity.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The same activity as a CSV file
         * @description Requires the permission `analytics.course.read`.
         */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    granularity: "minute" | "five_minutes" | "hour";
                };
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/courses/{courseId}/struggling": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Learners of the course with the lowest share of correct answers (at least three answers)
         * @description Requires the permission `analytics.course.read`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                };
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                userId: string;
                                attempts: number;
                                correctRate: number;
                                timeOnTaskMs: number;
                                /** Format: date-time */
                                lastSeen: string;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/courses/{courseId}/hardest-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Items of the course answered wrongly most often (at least three answers)
         * @description Requires the permission `analytics.course.read`.
         */
        get: {
            parameters: {
                query: {
                    limit: number;
                };
                header?: never;
                path: {
                    courseId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                itemId: string;
                                attempts: number;
                                correctRate: number;
                                meanLatencyMs: number;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your own time per day (last 30 days), streak and progress per course
         * @description Requires the permission `analytics.self.read`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            days: {
                                /** Format: date */
                                day: string;
                                events: number;
                                timeOnTaskMs: number;
                            }[];
                            /** @description days in a row with activity, ending today or yesterday */
                            streakDays: number;
                            totalTimeOnTaskMs: number;
                            courses: {
                                /** Format: uuid */
                                courseId: string;
                                title: string | null;
                                attempts: number;
                                correctRate: number | null;
                                timeOnTaskMs: number;
                                lessonsCompleted: number;
                                /** Format: date-time */
                                lastSeen: string;
                            }[];
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything the student home screen shows, in one request
         * @description Your profile (GET /me), your courses with progress and the one to continue (GET /me/courses), the upcoming published exams of your courses, soonest first, at most 10 (GET /courses/{courseId}/exams), and your newest results, at most 5 (GET /me/submissions), and the next step in each course with due reviews (GET /adaptive/recommendations), read in parallel as you. A section whose service fails is `{ "error": { "status", "title" } }` and the others still show; only a credential the profile refuses (401/403) fails the page. Each section counts as a request of its own towards your rate limit. Notifications appear here once the notify service runs.
         *
         *     Any signed-in caller.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            profile: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                email: string;
                                locale: string;
                                timeZone: string;
                                roles: ("student" | "instructor" | "tutor" | "tenant_admin" | "platform_admin")[];
                            } | {
                                error: {
                                    /** @description The status the service answered; 503 when it could not be reached, 504 when it did not answer in time */
                                    status: number;
                                    /** @description The title of the service's problem */
                                    title: string;
                                };
                            };
                            courses: {
                                /** @description Newest enrollment first; cancelled and expired enrollments are left out */
                                items: {
                                    /** Format: uuid */
                                    enrollmentId: string;
                                    /** Format: uuid */
                                    courseId: string;
                                    courseVersion: number;
                                    title: string;
                                    status: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                                    completedLessons: number;
                                    totalLessons: number;
                                    percent: number;
                                    secondsSpent: number;
                                    resumeLessonId: string | null;
                                    lastActivityAt: string | null;
                                    /** Format: date-time */
                                    requestedAt: string;
                                }[];
                                /** @description Continue where you left off: the active course touched last (or, before any lesson is opened, the newest active one); null without an active course */
                                continue: {
                                    /** Format: uuid */
                                    enrollmentId: string;
                                    /** Format: uuid */
                                    courseId: string;
                                    courseVersion: number;
                                    title: string;
                                    status: "requested" | "pending_payment" | "active" | "waitlisted" | "completed" | "cancelled" | "expired";
                                    completedLessons: number;
                                    totalLessons: number;
                                    percent: number;
                                    secondsSpent: number;
                                    resumeLessonId: string | null;
                                    lastActivityAt: string | null;
                                    /** Format: date-time */
                                    requestedAt: string;
                                } | null;
                                /** @description The student has more courses than shown: page through GET /api/v1/me/courses */
                                more: boolean;
                            } | {
                                error: {
                                    /** @description The status the service answered; 503 when it could not be reached, 504 when it did not answer in time */
                                    status: number;
                                    /** @description The title of the service's problem */
                                    title: string;
                                };
                            };
                            upcomingExams: {
                                items: {
                                    /** Format: uuid */
                                    examId: string;
                                    /** Format: uuid */
                                    courseId: string;
                                    courseTitle: string;
                                    title: string;
                                    category: "quiz" | "exam" | "assignment" | "practice";
                                    opensAt: string | null;
                                    closesAt: string | null;
                                    /** @description An attempt can be started now */
                                    openNow: boolean;
                                    timeLimitMinutes: number | null;
                                    attemptsAllowed: number;
                                    attemptsSubmitted: number | null;
                                }[];
                            } | {
                                error: {
                                    /** @description The status the service answered; 503 when it could not be reached, 504 when it did not answer in time */
                                    status: number;
                                    /** @description The title of the service's problem */
                                    title: string;
                                };
                            };
                            recentResults: {
                                items: {
                                    /** Format: uuid */
                                    submissionId: string;
                                    /** Format: uuid */
                                    attemptId: string;
                                    /** Format: uuid */
                                    examId: string;
                                    examTitle: string | null;
                                    courseId: string | null;
                                    status: "accepted" | "graded" | "pending_manual" | "awaiting_code_grader";
                                    submittedAt: string | null;
                                    gradedAt: string | null;
                                    late: boolean;
                                    released: boolean;
                                    score: number | null;
                                    maxScore: number | null;
                                    percent: number | null;
                                    passed: boolean | null;
                                }[];
                            } | {
                                error: {
                                    /** @description The status the service answered; 503 when it could not be reached, 504 when it did not answer in time */
                                    status: number;
                                    /** @description The title of the service's problem */
                                    title: string;
                                };
                            };
                            recommendations: {
                                items: {
                                    /** Format: uuid */
                                    courseId: string;
                                    courseTitle: string;
                                    skill: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    reason: string | null;
                                    reasonCode: ("review_due" | "prerequisite" | "close_to_mastery" | "new_skill" | "practice" | "explore") | null;
                                    forSkill: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    } | null;
                                    predictedSuccess: number | null;
                                }[];
                                dueReviews: {
                                    skill: {
                                        /** Format: uuid */
                                        id: string;
                                        name: string;
                                    };
                                    /** Format: date-time */
                                    dueAt: string;
                                    scheduler: "fsrs" | "sm2";
                                }[];
                            } | {
                                error: {
                                    /** @description The status the service answered; 503 when it could not be reached, 504 when it did not answer in time */
                                    status: number;
                                    /** @description The title of the service's problem */
                                    title: string;
                                };
                            };
                        };
                    };
                };
                /** @description Client error (problem details) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Server error (problem details) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details */
        Problem: {
            /**
             * Format: uri-reference
             * @enum {string}
             */
            type: "/problems/validation-error" | "/problems/malformed-request" | "/problems/unauthorized" | "/problems/forbidden" | "/problems/not-found" | "/problems/method-not-allowed" | "/problems/conflict" | "/problems/precondition-failed" | "/problems/payload-too-large" | "/problems/unsupported-media-type" | "/problems/range-not-satisfiable" | "/problems/unprocessable" | "/problems/idempotency-key-reused" | "/problems/rate-limited" | "/problems/internal-error" | "/problems/unavailable";
            title: string;
            status: number;
            detail: string;
            instance?: string;
            requestId?: string;
            /** @description Stable domain error code, e.g. EXAMPLE.PING_NOT_FOUND */
            code?: string;
            errors?: {
                pointer?: string;
                detail?: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
