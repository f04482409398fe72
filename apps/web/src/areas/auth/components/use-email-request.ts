import { useState, type FormEvent } from 'react';
import { useAction } from '../../../api/use-action';

/**
 * A form that asks for an email to be sent to the address in its `email` field (a reset link, a new
 * confirmation link): `sent` holds what to tell the user once `send` resolved with it.
 */
export function useEmailRequest(send: (email: string) => Promise<string>) {
  const [sent, setSent] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email'));
    await run(async () => setSent(await send(email)));
  };
  return { sent, busy, error, submit };
}
