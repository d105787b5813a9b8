import { createStore, useStore } from './store.js';

export type Theme = 'light' | 'dark';
const STORAGE_KEY = 'monotable.theme';

function initialTheme(): Theme {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'light' || stored === 'dark') return stored;
  } catch {
    // Storage can be unavailable (private mode, a file:// page); the system preference decides then.
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

const theme = createStore<Theme>(typeof window === 'undefined' ? 'light' : initialTheme());

/** Puts the theme on <html data-theme>, where the CSS variables of styles/theme.css pick it up. */
export function applyTheme(): void {
  document.documentElement.dataset.theme = theme.get();
  document.documentElement.style.colorScheme = theme.get();
}

export function useTheme(): Theme {
  return useStore(theme);
}

export function setTheme(next: Theme): void {
  theme.set(next);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not persisted; the choice still holds for this window.
  }
  applyTheme();
}

export function toggleTheme(): void {
  setTheme(theme.get() === 'dark' ? 'light' : 'dark');
}
