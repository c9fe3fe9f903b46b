// What the three pages share: sign-in with Keycloak, calls to the public API (/api/v1, same origin),
// a tiny DOM builder and formatting. No framework, no build step.
import Keycloak from '/vendor/keycloak-js-26.2.4/keycloak.js';

/** A problem+json answer of the API (RFC 9457): status, title, detail, and errors[] for invalid fields. */
export class ApiError extends Error {
  constructor(status, problem) {
    const detail = problem?.detail || problem?.title || `HTTP ${status}`;
    const fields = (problem?.errors || []).map(e => `${e.field ?? e.name ?? ''} ${e.message ?? ''}`.trim());
    super(fields.length ? `${detail}: ${fields.join('; ')}` : detail);
    this.status = status;
    this.problem = problem;
  }
}

let settings;
/** Keycloak's URL (as this browser reaches it) and realm, from the gateway. */
export function pageSettings() {
  settings ??= fetch('/pages/config').then(r => {
    if (!r.ok) throw new Error(`cannot read /pages/config (HTTP ${r.status})`);
    return r.json();
  });
  return settings;
}

/**
 * Signs in through Keycloak's own login page: authorization code flow with PKCE (S256), tokens kept
 * in memory only. onLoad 'check-sso' looks for an existing session without asking; 'login-required'
 * sends the browser to the login page.
 */
export async function signIn(clientId, onLoad) {
  const { keycloakUrl, realm } = await pageSettings();
  // the adapter leaves the page for Keycloak: make sure Keycloak answers first, rather than strand the browser
  try {
    const discovery = await fetch(`${keycloakUrl}/realms/${encodeURIComponent(realm)}/.well-known/openid-configuration`,
      { signal: AbortSignal.timeout(4000) });
    if (!discovery.ok) throw new Error(`HTTP ${discovery.status}`);
  } catch (error) {
    throw new Error(`Keycloak cannot be reached (${error.message})`);
  }
  const keycloak = new Keycloak({ url: keycloakUrl, realm, clientId });
  await keycloak.init({ onLoad, pkceMethod: 'S256', checkLoginIframe: false, responseMode: 'fragment' });
  return keycloak;
}

/** A fresh access token of a signed-in Keycloak session (refreshed when it has under 30 s left). */
export function tokenOf(keycloak) {
  return async () => {
    if (!keycloak?.authenticated) return null;
    try {
      await keycloak.updateToken(30);
    } catch {
      await keycloak.login();
    }
    return keycloak.token;
  };
}

/** The realm roles of a signed-in session. */
export function rolesOf(keycloak) {
  return keycloak?.tokenParsed?.realm_access?.roles ?? [];
}

/**
 * A caller of the public API. token() gives the bearer token (or null: anonymous). Every mutation
 * carries a fresh Idempotency-Key, so a retried request changes nothing twice.
 */
export function apiClient(token) {
  return async function api(path, { method = 'GET', body, query, headers = {} } = {}) {
    const sent = { Accept: 'application/json, application/problem+json', ...headers };
    const bearer = token ? await token() : null;
    if (bearer) sent.Authorization = `Bearer ${bearer}`;
    if (body !== undefined) sent['Content-Type'] = 'application/json';
    if (method !== 'GET') sent['Idempotency-Key'] = crypto.randomUUID();
    const search = query ? '?' + new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '')) : '';
    const response = await fetch(`/api/v1${path}${search}`, {
      method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch { data = { detail: text }; }
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  };
}

/** The elements of a list answer, paged ({items:[…]}) or bare. */
export function itemsOf(list) {
  if (!list) return [];
  return Array.isArray(list) ? list : (list.items ?? []);
}

/**
 * Builds an element: h('button', {class: 'x', onclick: fn, dataset: {sku}}, 'text', child…).
 * Text is always set as text, never as HTML, so what the API returns cannot inject markup.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = value;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (key in element && typeof value !== 'string') element[key] = value;
    else element.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Replaces what an element shows. */
export function show(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter(c => c !== undefined && c !== null && c !== false));
  return element;
}

export function money(value, currency = 'EUR') {
  if (value === undefined || value === null) return '';
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(value);
}

export function when(instant) {
  if (!instant) return '';
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

/** A message in a notice area: kind 'ok' or 'error'; errors of the API show their detail. */
export function notify(area, message, kind = 'ok') {
  const text = message instanceof Error ? message.message : message;
  show(area, text);
  area.className = kind === 'error' ? 'notice error' : 'notice';
  area.hidden = false;
  area.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

/** Runs an action from a button or form, disabling the button meanwhile and reporting failures. */
export async function busy(button, area, action) {
  if (button) button.disabled = true;
  try {
    return await action();
  } catch (error) {
    console.error(error);
    if (area) notify(area, error, 'error');
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

/** Wires tab buttons ([data-tab]) to panels ([data-panel]); returns a function that opens a tab. */
export function tabs(nav, onOpen = () => {}) {
  const buttons = [...nav.querySelectorAll('[data-tab]')];
  const open = name => {
    for (const button of buttons) button.setAttribute('aria-selected', String(button.dataset.tab === name));
    for (const panel of document.querySelectorAll('[data-panel]')) panel.hidden = panel.dataset.panel !== name;
    onOpen(name);
  };
  for (const button of buttons) button.addEventListener('click', () => open(button.dataset.tab));
  return open;
}

/** A location's display name, from the /stores list. */
export function storeName(stores, id) {
  return stores.find(s => s.id === id)?.name ?? id;
}
