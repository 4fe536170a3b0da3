import { disconnectBrowser } from './browser';

// After each test file: its connection to the run's Chromium closes, so jest exits cleanly.
afterAll(() => disconnectBrowser());
