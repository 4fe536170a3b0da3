import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { Boot } from './boot/Boot';

// The service worker keeps the app's files for offline starts; a new version is used from the next start.
if (import.meta.env.PROD && 'serviceWorker' in navigator) registerSW({ immediate: true });

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Boot />
  </StrictMode>,
);
