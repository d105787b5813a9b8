import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installDesktopIntegration } from './api/desktop-integration.js';
import { App } from './app/App.js';
import { applyTheme } from './state/theme.js';
import './styles/theme.css';
import './styles/app.css';

applyTheme();
installDesktopIntegration(); // the desktop app's menus and close prompt; nothing in a browser
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
