import { describe, expect, it } from 'vitest';
import { closePromptMessage, closeStep, windowTitle } from '../../electron/main/close-guard.js';
import { modelFileFromArgv } from '../../electron/main/launch-file.js';
import {
  captureWindowState,
  DEFAULT_SIZE,
  parseWindowState,
  restoreBounds,
  serializeWindowState,
} from '../../electron/main/window-state.js';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };
const second = { x: 1920, y: 0, width: 1280, height: 1024 };

describe('window state', () => {
  it('round-trips through its file text; malformed text is ignored', () => {
    const state = captureWindowState({ x: 100.4, y: 50, width: 1200, height: 800 }, true);
    expect(parseWindowState(serializeWindowState(state))).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 800,
      maximized: true,
    });
    for (const text of [
      undefined,
      '',
      '{',
      'null',
      '{"x":1}',
      '{"x":0,"y":0,"width":-5,"height":10}',
      '{"x":"1","y":0,"width":5,"height":5}',
    ])
      expect(parseWindowState(text), String(text)).toBeUndefined();
  });

  it('reopens where it was when that place is still on a display', () => {
    const saved = { x: 2000, y: 100, width: 1000, height: 700, maximized: false };
    expect(restoreBounds(saved, [screen, second])).toEqual({ x: 2000, y: 100, width: 1000, height: 700 });
  });

  it('a window left on a display that is gone opens at its size on the primary display', () => {
    const saved = { x: 4000, y: 100, width: 1000, height: 700, maximized: false };
    expect(restoreBounds(saved, [screen])).toEqual({ width: 1000, height: 700 });
  });

  it('shrinks and moves a window larger than its display so it fits', () => {
    const saved = { x: -50, y: 500, width: 2500, height: 1400, maximized: false };
    expect(restoreBounds(saved, [screen])).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  });

  it('nothing saved: the default size', () => {
    expect(restoreBounds(undefined, [screen])).toEqual(DEFAULT_SIZE);
  });
});

describe('model file from the command line', () => {
  it('takes the last .monotable.json argument, resolved against the launch folder', () => {
    expect(modelFileFromArgv(['/opt/Monotable/monotable', 'shop.monotable.json'], '/home/u/models')).toBe(
      '/home/u/models/shop.monotable.json',
    );
    expect(modelFileFromArgv(['electron', '.', '--inspect', '/abs/A.MONOTABLE.JSON'], '/x')).toBe(
      '/abs/A.MONOTABLE.JSON',
    );
  });

  it('ignores switches, the app folder and other files', () => {
    expect(modelFileFromArgv(['electron', '.'], '/x')).toBeUndefined();
    expect(modelFileFromArgv(['electron', '--x=a.monotable.json', 'notes.json'], '/x')).toBeUndefined();
    expect(modelFileFromArgv(['a.monotable.json'], '/x')).toBeUndefined(); // argv[0] is the executable
  });
});

describe('closing with unsaved changes', () => {
  it('clean documents close at once; unsaved ones ask', () => {
    expect(closeStep({ dirty: false })).toEqual({ action: 'close' });
    expect(closeStep({ dirty: true, path: '/a.monotable.json' })).toEqual({ action: 'prompt' });
  });

  it("Save saves first (asking for a path when there is none), Don't Save closes, Cancel stays", () => {
    expect(closeStep({ dirty: true, path: '/a.monotable.json' }, 0)).toEqual({
      action: 'save-then-close',
      needsPath: false,
    });
    expect(closeStep({ dirty: true }, 0)).toEqual({ action: 'save-then-close', needsPath: true });
    expect(closeStep({ dirty: true }, 1)).toEqual({ action: 'close' });
    expect(closeStep({ dirty: true }, 2)).toEqual({ action: 'stay' });
  });

  it('the prompt and the title name the document', () => {
    expect(closePromptMessage({ dirty: true, title: 'shop' }).message).toBe('Save the changes to shop before closing?');
    expect(windowTitle({ dirty: true, path: '/m/shop.monotable.json' })).toBe('• shop.monotable.json — Monotable');
    expect(windowTitle({ dirty: false })).toBe('Monotable');
  });
});
