import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../../shared/formats/export.js';
import type { Model } from '../../../../shared/model/schema.js';
import { cruddurMessaging } from '../../../../shared/templates/cruddur-messaging.js';
import { exportFileName, exportPreview, FORMATS } from './export-formats.js';

describe('export formats', () => {
  it('offers every export format, CreateTable JSON first', () => {
    expect(FORMATS[0]!.format).toBe('create-table');
    expect(FORMATS.map((f) => f.format).sort()).toEqual([...EXPORT_FORMATS].sort());
  });

  it('previews every format of the Cruddur model', () => {
    for (const info of FORMATS) {
      const preview = exportPreview(cruddurMessaging, info, 'cruddur-messages');
      expect(preview.ok, info.format).toBe(true);
      expect(preview.text.length, info.format).toBeGreaterThan(50);
    }
    const createTable = JSON.parse(exportPreview(cruddurMessaging, FORMATS[0]!, 'cruddur-messages').text);
    expect(createTable.TableName).toBe('cruddur-messages');
    expect(exportFileName(cruddurMessaging, FORMATS[0]!, 'cruddur-messages')).toBe(
      'cruddur-messages.create-table.json',
    );
  });

  it('puts the TTL document beside CreateTable and lists Workbench losses', () => {
    const model: Model = structuredClone(cruddurMessaging);
    model.tables[0]!.ttlAttribute = 'expires_at';
    const createTable = exportPreview(model, FORMATS[0]!, undefined);
    expect(JSON.parse(createTable.timeToLive!)).toEqual({
      TableName: 'cruddur-messages',
      TimeToLiveSpecification: { AttributeName: 'expires_at', Enabled: true },
    });
    expect(createTable.notes[0]).toMatch(/update-time-to-live/);
    const workbench = exportPreview(model, FORMATS.find((f) => f.format === 'workbench')!, undefined);
    expect(workbench.notes.join(' ')).toMatch(/no place for TTL/);
  });

  it('reports an export error as a message', () => {
    const model: Model = { ...cruddurMessaging, tables: [] };
    const preview = exportPreview(model, FORMATS[0]!, undefined);
    expect(preview.ok).toBe(false);
    expect(preview.error?.message).toMatch(/no tables/);
  });
});
