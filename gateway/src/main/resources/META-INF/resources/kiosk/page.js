// What every section of the kiosk shares: the page's state, the API caller (with this device's kiosk
// token) and the notice area.
import { apiClient } from '/js/app.js';
import { token } from '/kiosk/session.js';

export const $ = id => document.getElementById(id);
export const DEVICE_KEY = 'omni.kiosk.device-key';

export const notice = $('notice');
export const state = { session: null, stores: [], products: [], customer: null, ordering: null, searches: 0, renewal: null };
export const api = apiClient(token);
