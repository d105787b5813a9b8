import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import { shownUrl } from '../../electron/backend/connections/connection.js';
import { startTestEngine, type TestEngine } from '../support/engine.js';

/** The endpoint shown (connection labels, error messages) never includes `user:password@`. */
const api = createInProcessClient();
let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(async () => engine?.stop());

describe('endpoints are shown without credentials', () => {
  it('shownUrl drops user:password@ and leaves other URLs as they are', () => {
    expect(shownUrl('http://user:s3cret@127.0.0.1:8000/')).toBe('http://127.0.0.1:8000/');
    expect(shownUrl('http://127.0.0.1:8000')).toBe('http://127.0.0.1:8000');
    expect(shownUrl('not a url //a:b@host')).toBe('not a url //host');
  });

  it('a connection opened with credentials in its URL is listed and labelled without them', async () => {
    const url = engine.engine.endpoint.replace('http://', 'http://user:s3cret@');
    const opened = await api.call('connection.open', { kind: 'endpoint', url });
    if (!opened.ok) {
      expect(JSON.stringify(opened.error)).not.toContain('s3cret');
      return;
    }
    expect(opened.value.label).not.toContain('s3cret');
    const listed = await api.call('connection.list', {});
    expect(JSON.stringify(listed)).not.toContain('s3cret');
    const missing = await api.call('table.describe', { connectionId: opened.value.connectionId, table: 'Nope' });
    expect(JSON.stringify(missing)).not.toContain('s3cret');
    await api.call('connection.close', { connectionId: opened.value.connectionId });
  });
});
