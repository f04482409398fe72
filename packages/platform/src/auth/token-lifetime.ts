/** The longest an access token may live. */
export const MAX_ACCESS_TOKEN_SECONDS = 15 * 60;

/** Clock skew tolerated between the process that signed a token and the one checking it. */
export const CLOCK_SKEW_SECONDS = 60;
