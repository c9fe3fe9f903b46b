// The kiosk's session. The kiosk holds no client secret: it presents its device key to the gateway
// (POST /kiosk/session) and gets a short-lived kiosk token, whose store_id claim is the store it acts
// for. Without a key, or with one the gateway refuses, the kiosk shows its setup.
import { $, DEVICE_KEY, state } from '/kiosk/page.js';

const RENEW_BEFORE_MS = 60_000;

/** The kiosk token, renewed at the gateway a minute before it expires (one renewal at a time). */
export async function token() {
  if (!state.session || state.session.expiresAt - Date.now() < RENEW_BEFORE_MS) {
    state.renewal ??= openSession().finally(() => { state.renewal = null; });
    state.session = await state.renewal;
  }
  return state.session.accessToken;
}

async function openSession() {
  const response = await fetch('/kiosk/session', {
    method: 'POST', headers: { Accept: 'application/json', 'X-Kiosk-Device-Key': localStorage.getItem(DEVICE_KEY) ?? '' },
  });
  if (response.status === 401) {
    localStorage.removeItem(DEVICE_KEY);
    showSetup();
    throw new Error('The gateway did not accept this kiosk\'s device key: pair it again.');
  }
  if (!response.ok) throw new Error(`No kiosk session right now (HTTP ${response.status}); try again shortly.`);
  const session = await response.json();
  return { accessToken: session.accessToken, expiresAt: Date.parse(session.expiresAt), storeId: session.storeId };
}

export function showSetup() {
  $('setup').hidden = false;
  $('kiosk').hidden = true;
  $('forget').hidden = true;
}
