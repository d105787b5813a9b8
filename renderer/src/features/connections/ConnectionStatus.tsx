import { showScreen } from '../../state/navigation.js';
import { useActiveConnection, useConnections } from './connection-store.js';

/** The status bar's segment: which connection is active, and whether it is production or read-only. */
export function ConnectionStatus() {
  const active = useActiveConnection();
  const { busy } = useConnections();
  const text = busy
    ? busy
    : active
      ? `${active.kind === 'embedded' ? 'Embedded engine' : active.kind === 'aws' ? 'AWS' : 'Endpoint'} · ${active.region}${
          active.accessKeyId ? ` · key ${active.accessKeyId}` : ''
        }`
      : 'Not connected';
  const marks = active
    ? [active.production ? 'production' : '', active.readOnly ? 'read-only' : ''].filter(Boolean)
    : [];
  return (
    <button
      type="button"
      className={`button ghost small connection-status${active?.production ? ' production' : ''}`}
      aria-label={`Connection: ${text}${marks.length ? `, ${marks.join(', ')}` : ', not production'}`}
      title={active?.label ?? 'Open Connections'}
      onClick={() => showScreen('connections')}
    >
      <span aria-hidden="true">⛁</span> {text}
      {marks.map((m) => (
        <span key={m} className={`badge ${m === 'production' ? 'error' : 'warning'}`}>
          {m}
        </span>
      ))}
    </button>
  );
}
