// Sandbox Exchange mobile app: a small single-page app over /api/v1, no build step.
const TOKEN_KEY = 'sbx.token';
const LANG_KEY = 'sbx.lang';
const root = document.getElementById('app');

let texts = {};
let locale = 'zh-CN';

function t(key, ...args) {
  const text = texts[key] ?? key;
  return args.reduce((s, a, i) => s.replace(`{${i}}`, String(a)), text);
}

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function normalizeLocale(l) {
  if (!l) return '';
  if (l.toLowerCase().startsWith('zh')) return 'zh-CN';
  if (l.toLowerCase().startsWith('en')) return 'en';
  return '';
}

async function loadTexts(l) {
  locale = normalizeLocale(l) || 'zh-CN';
  const res = await fetch(`/api/v1/texts/${locale}`);
  texts = await res.json();
  document.documentElement.lang = locale;
  document.title = t('site.name');
}

async function api(path, options = {}) {
  const token = localStorage.getItem(TOKEN_KEY);
  const headers = { 'Accept': 'application/json', ...(options.headers ?? {}) };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const res = await fetch(`/api/v1${path}`, { ...options, headers });
  if (res.status === 401 && path !== '/auth/login') {
    localStorage.removeItem(TOKEN_KEY);
    go('login');
    throw new Error('signed out');
  }
  return res;
}

function go(route) {
  if (location.hash === `#/${route}`) render();
  else location.hash = `#/${route}`;
}

function screen(testid, title, { back, tab } = {}, ...body) {
  const bar = h('header', { class: 'appbar' },
    back ? h('button', { 'aria-label': '←', 'data-testid': 'app-back', onclick: () => go(back) }, '←') : null,
    h('h1', {}, title));
  return h('section', { class: 'screen', 'data-testid': testid }, bar, ...body, tab ? tabbar(tab) : null);
}

function tabbar(current) {
  const tab = (id, key) => h('button', {
    'data-testid': `tab-${id}`, 'aria-current': current === id ? 'page' : null, onclick: () => go(id),
  }, t(key));
  return h('nav', { class: 'tabbar', 'aria-label': 'tabs' },
    tab('home', 'nav.home'), tab('markets', 'nav.markets'), tab('assets', 'nav.assets'), tab('profile', 'nav.profile'));
}

function loginScreen() {
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'app-login-error', hidden: true }, t('login.failed'));
  const email = h('input', { type: 'email', autocomplete: 'username', 'data-testid': 'app-login-email', required: true });
  const password = h('input', { type: 'password', autocomplete: 'current-password', 'data-testid': 'app-login-password', required: true });
  const form = h('form', {
    class: 'card',
    onsubmit: async (e) => {
      e.preventDefault();
      const res = await api('/auth/login', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: email.value, password: password.value }),
      });
      if (!res.ok) { error.hidden = false; return; }
      const body = await res.json();
      localStorage.setItem(TOKEN_KEY, body.token);
      if (!localStorage.getItem(LANG_KEY)) await loadTexts(body.locale);
      go('home');
    },
  },
  error,
  h('label', {}, t('login.email'), email),
  h('label', {}, t('login.password'), password),
  h('button', { type: 'submit', class: 'btn primary', 'data-testid': 'app-login-submit' }, t('login.submit')));
  return screen('app-login', t('login.title'), {}, form);
}

function homeScreen() {
  return screen('app-home', t('site.name'), { tab: 'home' },
    h('div', { class: 'card' }, h('h2', { 'data-testid': 'app-home-welcome' }, t('home.welcome')), h('p', {}, t('home.intro'))));
}

function placeholderScreen(id, key) {
  return screen(`app-${id}`, t(key), { tab: id }, h('div', { class: 'card' }, t(key)));
}

async function profileScreen() {
  const me = await (await api('/me')).json();
  return screen('app-profile', t('nav.profile'), { tab: 'profile' },
    h('div', { class: 'profile-head' }, h('div', { class: 'avatar', 'aria-hidden': 'true' }, me.email.slice(0, 1).toUpperCase()), h('span', {}, me.email)),
    h('ul', { class: 'list' },
      h('li', {}, h('button', { 'data-testid': 'profile-personal-center', onclick: () => go('personal-center') }, t('center.title'), h('span', { 'aria-hidden': 'true' }, '›'))),
      h('li', {}, h('button', { 'data-testid': 'app-logout', onclick: () => { localStorage.removeItem(TOKEN_KEY); go('login'); } }, t('nav.logout')))),
    languageSwitcher());
}

function languageSwitcher() {
  const pick = (l, label) => h('button', {
    'data-testid': `language-${l}`, onclick: async () => { localStorage.setItem(LANG_KEY, l); await loadTexts(l); render(); },
  }, label);
  return h('ul', { class: 'list', style: null, 'aria-label': t('site.language') }, h('li', {}, pick('zh-CN', '中文')), h('li', {}, pick('en', 'English')));
}

function personalCenterScreen() {
  return screen('app-personal-center', t('center.title'), { back: 'profile' },
    h('ul', { class: 'list' },
      h('li', {}, h('button', { 'data-testid': 'center-identity-verification', onclick: () => go('verification') }, t('center.verification'), h('span', { 'aria-hidden': 'true' }, '›'))),
      h('li', {}, h('button', { disabled: true }, t('center.security')))));
}

async function verificationScreen() {
  const c = await (await api('/verification')).json();
  const parts = [
    h('p', {}, `${t('status.title')}: `,
      h('strong', { class: `status-${c.status}`, 'data-testid': 'verification-status', 'data-status': c.status }, t(`status.${c.status}`))),
  ];
  if (c.reasons.length > 0) {
    parts.push(h('h2', {}, t('status.reasons')),
      h('ul', { 'data-testid': 'rejection-reasons' }, c.reasons.map(r => h('li', { 'data-testid': 'rejection-reason', 'data-reason': r }, t(`reason.${r}`)))));
  }
  if (c.moderationComment) parts.push(h('p', { 'data-testid': 'moderation-comment' }, c.moderationComment));
  if (c.status === 'rejected') {
    parts.push(h('p', { 'data-testid': 'attempts-left' }, t('status.attemptsLeft', c.attemptsLeft)));
    parts.push(c.canRetry
      ? h('button', { class: 'btn primary', 'data-testid': 'retry-button', onclick: () => go('verification/form') }, t('status.retry'))
      : h('a', { class: 'btn', href: 'mailto:support@sandbox.test', 'data-testid': 'contact-support' }, t('status.contactSupport')));
  } else if (c.status === 'not_started') {
    parts.push(h('button', { class: 'btn primary', 'data-testid': 'start-verification', onclick: () => go('verification/form') }, t('status.start')));
  }
  return screen('verification-status-page', t('center.verification'), { back: 'personal-center' }, h('div', { class: 'card' }, ...parts));
}

function formScreen() {
  return screen('verification-form', t('form.title'), { back: 'verification' },
    h('div', { class: 'card' }, h('p', {}, t('form.placeholder'))));
}

const routes = {
  login: loginScreen,
  home: homeScreen,
  markets: () => placeholderScreen('markets', 'nav.markets'),
  assets: () => placeholderScreen('assets', 'nav.assets'),
  profile: profileScreen,
  'personal-center': personalCenterScreen,
  verification: verificationScreen,
  'verification/form': formScreen,
};

async function render() {
  const route = location.hash.replace(/^#\//, '') || 'home';
  const signedIn = !!localStorage.getItem(TOKEN_KEY);
  if (!signedIn && route !== 'login') { go('login'); return; }
  const view = await (routes[route] ?? homeScreen)();
  root.replaceChildren(view);
  root.dataset.route = route;
}

window.addEventListener('hashchange', () => { render().catch(console.error); });
const requested = normalizeLocale(new URLSearchParams(location.search).get('lang'));
if (requested) localStorage.setItem(LANG_KEY, requested);
await loadTexts(localStorage.getItem(LANG_KEY) || navigator.language);
await render();
