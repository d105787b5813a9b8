import { useEffect, useId, useState } from 'react';
import { callApi, failureText } from '../../files/api-call.js';
import '../results/data.css';
import {
  type ConnectionInfo,
  activateConnection,
  awsProfile,
  closeConnection,
  endpointUrl,
  ensureConnection,
  openConnection,
  refreshConnections,
  reopenConnection,
  specOf,
  useConnections,
} from './connection-store.js';
import { SignInNotice } from './SignInNotice.js';

/**
 * Connections: the embedded engine (started on first use), DynamoDB Local / LocalStack endpoints with the access key
 * and region they partition tables by, AWS profiles with their region; each can be marked production or read-only.
 */
export function ConnectionsScreen() {
  const state = useConnections();
  useEffect(() => {
    void refreshConnections().catch(() => undefined);
  }, []);
  return (
    <section className="screen" aria-labelledby="connections-title">
      <header className="screen-header">
        <h1 id="connections-title">Connections</h1>
        <span className="spacer" />
        {state.busy && (
          <output className="muted" aria-live="polite">
            {state.busy}
          </output>
        )}
      </header>
      <div className="screen-body data-page">
        <SignInNotice />
        {state.error && (
          <div className="notice error" role="alert">
            {state.error}
          </div>
        )}
        <ul className="connection-list" aria-label="Open connections">
          {state.connections.map((c) => (
            <ConnectionCard key={c.connectionId} info={c} active={c.connectionId === state.activeId} />
          ))}
          {!state.connections.some((c) => c.kind === 'embedded') && (
            <li className="connection-card">
              <div className="connection-title">
                <strong>Embedded engine</strong>
                <span className="muted">dynalite on 127.0.0.1, started on first use; nothing to set up.</span>
              </div>
              <div className="row-actions">
                <button type="button" className="button primary" onClick={() => void ensureConnection()}>
                  Start the embedded engine
                </button>
              </div>
            </li>
          )}
        </ul>
        <div className="connection-forms">
          <EndpointForm />
          <AwsForm />
        </div>
      </div>
    </section>
  );
}

function kindText(info: ConnectionInfo): string {
  if (info.kind === 'embedded') return 'Embedded engine';
  if (info.kind === 'endpoint') return 'Endpoint (DynamoDB Local, LocalStack)';
  return 'AWS';
}

function ConnectionCard({ info, active }: { info: ConnectionInfo; active: boolean }) {
  const [error, setError] = useState<string>();
  const mark = async (change: { production?: boolean; readOnly?: boolean }) => {
    setError(undefined);
    try {
      await reopenConnection(info, specOf(info, change));
    } catch (e) {
      setError(failureText(e));
    }
  };
  const url = endpointUrl(info);
  const profile = awsProfile(info);
  return (
    <li className={`connection-card${active ? ' active' : ''}`} aria-label={`${kindText(info)}: ${info.label}`}>
      <div className="connection-title">
        <strong>{kindText(info)}</strong>
        {active && <span className="badge info">active</span>}
        {info.production && <span className="badge error">production</span>}
        {info.readOnly && <span className="badge warning">read-only</span>}
      </div>
      <dl className="connection-facts">
        {url && (
          <>
            <dt>Endpoint</dt>
            <dd className="mono">{url}</dd>
          </>
        )}
        {info.kind === 'embedded' && (
          <>
            <dt>Engine</dt>
            <dd className="mono">{info.label.replace(/^embedded engine /, '')}</dd>
          </>
        )}
        {info.kind === 'aws' && (
          <>
            <dt>Credentials</dt>
            <dd data-fact="credential-source">
              {profile && (
                <>
                  profile <span className="mono">{profile}</span>:{' '}
                </>
              )}
              {info.credentialSource ?? 'the default chain of the AWS CLI'}
            </dd>
          </>
        )}
        <dt>Region</dt>
        <dd className="mono">{info.region}</dd>
        {info.accessKeyId && (
          <>
            <dt>Access key id</dt>
            <dd>
              <span className="mono">{info.accessKeyId}</span>{' '}
              <span className="muted">(DynamoDB Local keeps tables per access key id and region)</span>
            </dd>
          </>
        )}
        <dt>Supports</dt>
        <dd>
          {Object.entries(info.capabilities)
            .filter(([, on]) => on)
            .map(([name]) => name)
            .join(', ') || 'reads and writes (no transactions, PartiQL, TTL or streams)'}
        </dd>
      </dl>
      <div className="row-actions">
        {!active && (
          <button type="button" className="button primary" onClick={() => activateConnection(info.connectionId)}>
            Use this connection
          </button>
        )}
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={info.production}
            onChange={(e) => void mark({ production: e.target.checked })}
          />
          Production (destructive actions ask for the table name)
        </label>
        <label className="checkbox-row">
          <input type="checkbox" checked={info.readOnly} onChange={(e) => void mark({ readOnly: e.target.checked })} />
          Read-only
        </label>
        <button
          type="button"
          className="button ghost"
          onClick={() => void closeConnection(info.connectionId).catch((e) => setError(failureText(e)))}
        >
          Disconnect
        </button>
      </div>
      {error && (
        <p className="field-problem" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function EndpointForm() {
  const id = useId();
  const [url, setUrl] = useState('http://127.0.0.1:8000');
  const [region, setRegion] = useState('us-east-1');
  const [accessKeyId, setAccessKeyId] = useState('local');
  const [production, setProduction] = useState(false);
  const [readOnly, setReadOnly] = useState(false);
  return (
    <form
      className="connection-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void openConnection({ kind: 'endpoint', url, region, accessKeyId, production, readOnly }).catch(
          () => undefined,
        );
      }}
    >
      <h2 id={`${id}-title`}>Add a DynamoDB Local / LocalStack endpoint</h2>
      <p className="muted">
        DynamoDB Local keeps a separate set of tables for each access key id and region, unless it was started with{' '}
        <code>-sharedDb</code>. Use the ones your application uses, or start it with <code>-sharedDb</code>.
      </p>
      <label className="field">
        <span>Endpoint URL</span>
        <input className="input mono" value={url} onChange={(e) => setUrl(e.target.value)} required />
      </label>
      <label className="field">
        <span>Region</span>
        <input className="input mono" value={region} onChange={(e) => setRegion(e.target.value)} required />
      </label>
      <label className="field">
        <span>Access key id</span>
        <input className="input mono" value={accessKeyId} onChange={(e) => setAccessKeyId(e.target.value)} required />
      </label>
      <Marks production={production} readOnly={readOnly} setProduction={setProduction} setReadOnly={setReadOnly} />
      <div className="dialog-actions">
        <button type="submit" className="button primary">
          Connect to endpoint
        </button>
      </div>
    </form>
  );
}

function AwsForm() {
  const id = useId();
  const [profiles, setProfiles] = useState<
    { name: string; region?: string | undefined; sso: boolean; source: string }[]
  >([]);
  const [profile, setProfile] = useState('default');
  const [region, setRegion] = useState('us-east-1');
  const [production, setProduction] = useState(true);
  const [readOnly, setReadOnly] = useState(false);
  useEffect(() => {
    void callApi('connection.profiles', {})
      .then((r) => setProfiles(r.profiles))
      .catch(() => undefined);
  }, []);
  const chosen = profiles.find((p) => p.name === profile);
  return (
    <form
      className="connection-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void openConnection({ kind: 'aws', profile, region, production, readOnly }).catch(() => undefined);
      }}
    >
      <h2 id={`${id}-title`}>Add an AWS profile</h2>
      <p className="muted">
        Credentials come from the profile in <code>~/.aws/config</code> and <code>~/.aws/credentials</code> (SSO,
        credential_process, assume role and MFA included); Monotable never stores them, and shows where they came from.
        When an SSO sign-in expires, Sign in again renews it in place: open results stay on screen.
      </p>
      <label className="field">
        <span>Profile</span>
        <input
          className="input mono"
          list={`${id}-profiles`}
          value={profile}
          onChange={(e) => {
            setProfile(e.target.value);
            const p = profiles.find((x) => x.name === e.target.value);
            if (p?.region) setRegion(p.region);
          }}
          required
        />
        <datalist id={`${id}-profiles`}>
          {profiles.map((p) => (
            <option key={p.name} value={p.name}>
              {p.sso ? 'SSO' : 'keys'} {p.region ?? ''}
            </option>
          ))}
        </datalist>
        {chosen && <span className="field-hint">Credentials: {chosen.source}</span>}
      </label>
      <label className="field">
        <span>Region</span>
        <input className="input mono" value={region} onChange={(e) => setRegion(e.target.value)} required />
      </label>
      <Marks production={production} readOnly={readOnly} setProduction={setProduction} setReadOnly={setReadOnly} />
      <div className="dialog-actions">
        <button type="submit" className="button primary">
          Connect to AWS
        </button>
      </div>
    </form>
  );
}

function Marks(props: {
  production: boolean;
  readOnly: boolean;
  setProduction: (on: boolean) => void;
  setReadOnly: (on: boolean) => void;
}) {
  return (
    <div className="inline-row">
      <label className="checkbox-row">
        <input type="checkbox" checked={props.production} onChange={(e) => props.setProduction(e.target.checked)} />
        Production
      </label>
      <label className="checkbox-row">
        <input type="checkbox" checked={props.readOnly} onChange={(e) => props.setReadOnly(e.target.checked)} />
        Read-only
      </label>
    </div>
  );
}
