import { useState } from 'react';
import './connections.css';
import { failureText } from '../../files/api-call.js';
import { callStreaming } from '../tables/streaming-call.js';
import { signedIn, useConnections } from './connection-store.js';

type Code = { verificationUri: string; verificationUriComplete?: string | undefined; userCode: string };

/**
 * "Your SSO sign-in expired": what failed, and Sign in again, which renews it in place as `aws sso login` would
 * (device code approved in the browser, token written to the SSO cache, the connection's credentials resolved again).
 * The connection keeps its id, so the open results stay and Load more goes on.
 */
export function SignInNotice() {
  const { signIn } = useConnections();
  const [code, setCode] = useState<Code>();
  const [state, setState] = useState<'idle' | 'waiting' | 'done'>('idle');
  const [error, setError] = useState<string>();
  const [until, setUntil] = useState<string>();
  if (!signIn && state !== 'done') return null;
  const start = async () => {
    if (!signIn) return;
    setState('waiting');
    setError(undefined);
    try {
      const result = await callStreaming(
        'connection.signIn',
        { connectionId: signIn.connectionId },
        { onEvent: (event) => setCode(event) },
      );
      setUntil(result.expiresAt);
      setState('done');
      signedIn(result.connection);
    } catch (e) {
      setState('idle');
      setError(failureText(e));
    }
  };
  if (state === 'done') {
    return (
      <div className="notice info sign-in" role="note" aria-label="Signed in">
        Signed in again{until ? ` until ${until}` : ''}: the open results are still here; run again or Load more.{' '}
        <button type="button" className="button ghost small" onClick={() => setState('idle')}>
          Dismiss
        </button>
      </div>
    );
  }
  return (
    <div className="notice error sign-in" role="alert" aria-label="Sign-in expired">
      <p>{signIn?.message}</p>
      {state === 'waiting' && code ? (
        <p>
          Open{' '}
          <a href={code.verificationUriComplete ?? code.verificationUri} target="_blank" rel="noreferrer">
            {code.verificationUri}
          </a>{' '}
          and approve the code <strong className="mono">{code.userCode}</strong>. Waiting for the approval…
        </p>
      ) : (
        <p>
          Sign in again renews the sign-in of profile <span className="mono">{signIn?.profile}</span> in place, as{' '}
          <code>aws sso login --profile {signIn?.profile}</code> would; the open results stay.
        </p>
      )}
      <div className="row-actions">
        <button type="button" className="button primary" disabled={state === 'waiting'} onClick={() => void start()}>
          Sign in again
        </button>
        <button type="button" className="button ghost" onClick={() => signedIn(undefined)}>
          Dismiss
        </button>
      </div>
      {error && <p className="field-problem error">{error}</p>}
    </div>
  );
}
