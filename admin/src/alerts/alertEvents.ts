/** Told when the inbox changes read state, so the app bar's badge counts again at once. */
const EVENT = 'gw-alerts-changed';

export const alertsChanged = (): void => void window.dispatchEvent(new Event(EVENT));

export function onAlertsChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
