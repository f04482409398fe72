// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/problem';
import { contrastWithWhite } from '../src/app/branding';
import { ProblemAlert } from '../src/ui';
import { renderScreen } from './support/render';

afterEach(cleanup);

describe('problems in plain words', () => {
  it('shows the detail and each field error of a problem', () => {
    renderScreen(<ProblemAlert error={new ApiError({ title: 'Bad Request', status: 400, detail: 'The form has mistakes', errors: [{ pointer: '/body/email', detail: 'must be an email address' }, { pointer: '/body/options/0/text', detail: 'must not be empty' }] })} />);
    expect(screen.getByRole('alert').textContent).toContain('The form has mistakes');
    expect(screen.getByText('email: must be an email address')).toBeTruthy();
    expect(screen.getByText('options 1 text: must not be empty')).toBeTruthy();
  });

  it('never shows a server error as is, and says when the network is down', () => {
    const { unmount } = renderScreen(<ProblemAlert error={new ApiError({ title: 'Internal Server Error', status: 500, detail: 'stack trace here' })} />);
    expect(screen.getByRole('alert').textContent).not.toContain('stack trace');
    unmount();
    renderScreen(<ProblemAlert error={new ApiError({ title: 'network', status: 0 })} />);
    expect(screen.getByRole('alert').textContent).toMatch(/could not reach/i);
  });
});

describe('tenant colours', () => {
  it('accepts a brand colour only when white text on it is readable', () => {
    expect(contrastWithWhite('#2457c5')).toBeGreaterThan(4.5);
    expect(contrastWithWhite('#ffdd00')).toBeLessThan(4.5);
    expect(contrastWithWhite('not a colour')).toBe(0);
  });
});
