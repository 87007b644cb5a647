// Sandbox Exchange mobile app: a small single-page app over /api/v1, no build step.
const TOKEN_KEY = 'sbx.token';
const LANG_KEY = 'sbx.lang';
const root = document.getElementById('app');

let texts = {};
let locale = 'zh-CN';
/** Deliberate defects for measuring the suite (docs/defects.md, GET /api/v1/client-config); empty in a correct sandbox. */
let defects = new Set();

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

// Small line icons, drawn inline (no icon font, no external file).
const ICONS = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  cross: 'M6.5 6.5l11 11M17.5 6.5l-11 11',
  clock: 'M12 3.5a8.5 8.5 0 1 0 0 17a8.5 8.5 0 1 0 0-17M12 7.5V12l3 2',
  card: 'M3.5 6h17v12h-17zM7 10h5M7 13.5h8M15.5 9.5h2',
  alert: 'M12 4l9 16H3zM12 10v4.5M12 17.3v.2',
  camera: 'M4 8h3.5L9 6h6l1.5 2H20v11H4zM12 10.5a3 3 0 1 0 0 6a3 3 0 1 0 0-6',
  lock: 'M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3',
};

function icon(name, cls = 'icon') {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', cls);
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
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

/** Forgets the token and has the server end it too, so a copy of it is worthless; offline, the phone still forgets it. */
async function signOut() {
  const token = localStorage.getItem(TOKEN_KEY);
  localStorage.removeItem(TOKEN_KEY);
  if (token) {
    await fetch('/api/v1/auth/logout', { method: 'POST', headers: { 'Authorization': `Bearer ${token}` } }).catch(() => {});
  }
  go('login');
}

async function api(path, options = {}) {
  const token = localStorage.getItem(TOKEN_KEY);
  const headers = { 'Accept': 'application/json', ...(options.headers ?? {}) };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const res = await fetch(`/api/v1${path}`, { ...options, headers });
  if (res.status === 401 && path !== '/auth/login') {
    signOut();
    throw new Error('signed out');
  }
  return res;
}

function go(route) {
  if (location.hash === `#/${route}`) render();
  else location.hash = `#/${route}`;
}

const CHINA_STANDARD_TIME_MS = 8 * 60 * 60 * 1000;

/**
 * A time from the API (ISO 8601) as the portal and the server's messages show it, whatever the phone's time zone:
 * China Standard Time (UTC+8, fixed, no daylight saving) with the zone named, "yyyy-MM-dd HH:mm UTC+8" (server: DisplayTime).
 */
function displayTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const cst = new Date(d.getTime() + (defects.has('app-times-in-phone-time-zone') ? -d.getTimezoneOffset() * 60_000 : CHINA_STANDARD_TIME_MS));
  const two = (n) => String(n).padStart(2, '0');
  return `${cst.getUTCFullYear()}-${two(cst.getUTCMonth() + 1)}-${two(cst.getUTCDate())} ${two(cst.getUTCHours())}:${two(cst.getUTCMinutes())} UTC+8`;
}

/** Back is a route, or a function for steps inside one route. */
function screen(testid, title, { back, tab } = {}, ...body) {
  const bar = h('header', { class: 'appbar' },
    back ? h('button', { class: 'appbar-back', 'aria-label': '←', 'data-testid': 'app-back', onclick: () => (typeof back === 'function' ? back() : go(back)) }, '←') : null,
    h('h1', {}, title));
  return h('section', { class: `screen${tab ? ' has-tabbar' : ''}`, 'data-testid': testid }, bar, ...body, tab ? tabbar(tab) : null);
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
      if (!res.ok) {
        // Too many failed logins: say when to try again rather than "wrong password".
        const problem = res.status === 429 ? await res.json().catch(() => ({})) : null;
        error.textContent = problem ? t('login.tooMany', Math.max(1, Math.ceil((problem.retryAfterSeconds ?? 60) / 60))) : t('login.failed');
        if (problem) error.dataset.code = 'login_rate_limited'; else error.removeAttribute('data-code');
        error.hidden = false;
        return;
      }
      const body = await res.json();
      localStorage.setItem(TOKEN_KEY, defects.has('app-login-token-not-stored') ? body.accessToken : body.token);
      if (!localStorage.getItem(LANG_KEY)) await loadTexts(body.locale);
      go('home');
    },
  },
  error,
  h('label', {}, t('login.email'), email),
  h('label', {}, t('login.password'), password),
  h('button', { type: 'submit', class: 'btn primary', 'data-testid': 'app-login-submit' }, t('login.submit')));
  return screen('app-login', t('login.title'), {}, h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'S'), t('site.name')), form);
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
      h('li', {}, h('button', { class: 'chevron', 'data-testid': 'profile-personal-center', onclick: () => go('personal-center') }, t('center.title'))),
      h('li', {}, h('button', { 'data-testid': 'app-logout', onclick: () => signOut() }, t('nav.logout')))),
    languageSwitcher());
}

function languageSwitcher() {
  const pick = (l, label) => h('button', {
    'data-testid': `language-${l}`, 'aria-pressed': locale === l ? 'true' : 'false',
    onclick: async () => { localStorage.setItem(LANG_KEY, l); await loadTexts(l); render(); },
  }, label);
  return h('div', { class: 'section' },
    h('h2', { class: 'section-title' }, t('site.language')),
    h('ul', { class: 'list', 'aria-label': t('site.language') }, h('li', {}, pick('zh-CN', '中文')), h('li', {}, pick('en', 'English'))));
}

function personalCenterScreen() {
  return screen('app-personal-center', t('center.title'), { back: 'profile' },
    h('ul', { class: 'list' },
      h('li', {}, h('button', { class: 'chevron', 'data-testid': 'center-identity-verification', onclick: () => go(defects.has('app-identity-verification-entry-broken') ? 'verifications' : 'verification') }, t('center.verification'))),
      h('li', {}, h('button', { disabled: true }, t('center.security')))));
}

// ---------------------------------------------------------------------------------------------
// Status (guide step 3)

const STATUS_ICON = { not_started: 'card', pending: 'clock', approved: 'check', rejected: 'cross' };

function contactSupport() {
  return h('a', { class: 'btn', href: 'mailto:support@sandbox.test', 'data-testid': 'contact-support' }, t('status.contactSupport'));
}

async function verificationScreen() {
  const c = await (await api('/verification')).json();
  const hero = h('div', { class: `card status-hero hero-${c.status}` },
    h('div', { class: 'status-badge' }, icon(STATUS_ICON[c.status] ?? 'card')),
    h('p', { class: 'status-label' }, t('status.title')),
    h('p', { class: 'status-line' },
      h('strong', { class: `status-${c.status}`, 'data-testid': 'verification-status', 'data-status': c.status }, t(`status.${c.status}`))));
  const cards = [hero];
  const actions = [];

  if (c.status === 'pending') {
    hero.append(h('p', { class: 'note', 'data-testid': 'pending-note' }, t('status.pendingNote')));
    const facts = h('div', { class: 'facts' });
    if (c.pendingSince) {
      facts.append(h('p', { 'data-testid': 'pending-since', 'data-pending-since': c.pendingSince }, t('status.submittedAt', displayTime(c.pendingSince))));
    }
    if (c.expectedReviewBy) {
      facts.append(h('p', { 'data-testid': 'expected-review-time', 'data-expected-review-by': c.expectedReviewBy },
        t('status.expectedBy', displayTime(c.expectedReviewBy))));
    }
    if (facts.childElementCount > 0) hero.append(facts);
    if (c.pendingTooLong) {
      cards.push(h('div', { class: 'notice warn', 'data-testid': 'pending-too-long' }, icon('alert'), h('span', {}, t('status.pendingTooLong'))));
      actions.push(contactSupport());
    }
  } else if (c.status === 'approved') {
    hero.append(h('p', { class: 'note', 'data-testid': 'approved-note' }, t('status.approvedNote')));
  } else if (c.status === 'rejected') {
    if (c.reasons.length > 0) {
      cards.push(h('div', { class: 'card' },
        h('h2', { class: 'card-title' }, t('status.reasons')),
        h('ul', { class: 'reasons', 'data-testid': 'rejection-reasons' },
          c.reasons.map(r => h('li', { 'data-testid': 'rejection-reason', 'data-reason': r }, t(`reason.${r}`))))));
    }
    if (c.moderationComment) cards.push(h('div', { class: 'card comment' }, h('p', { 'data-testid': 'moderation-comment' }, c.moderationComment)));
    hero.append(h('p', { class: 'note', 'data-testid': 'attempts-left', 'data-attempts-left': c.attemptsLeft }, t('status.attemptsLeft', defects.has('app-attempts-left-shows-attempts-used') ? c.attemptsUsed : c.attemptsLeft)));
    if (c.lockedUntil) {
      cards.push(h('div', { class: 'notice warn', 'data-testid': 'locked-until', 'data-locked-until': c.lockedUntil },
        icon('lock'), h('span', {}, t('status.lockedUntil', displayTime(c.lockedUntil)))));
    }
    if (defects.has('app-retry-button-missing') ? c.can_retry : c.canRetry) {
      actions.push(h('button', { class: 'btn primary', 'data-testid': defects.has('contract-retry-id-renamed') ? 'retry-btn' : 'retry-button', onclick: () => go('verification/form') },
        defects.has('app-retry-label-english-on-zh-cn') ? 'Retry' : t('status.retry') + (defects.has('app-retry-label-with-an-extra-word') ? (locale === 'zh-CN' ? '一下' : ' now') : '')));
    } else {
      if (!c.lockedUntil) cards.push(h('div', { class: 'notice', 'data-testid': 'final-note' }, icon('alert'), h('span', {}, t('status.finalNote'))));
      actions.push(contactSupport());
    }
  } else if (c.status === 'not_started') {
    if (c.lockedUntil) {
      cards.push(h('div', { class: 'notice warn', 'data-testid': 'locked-until', 'data-locked-until': c.lockedUntil },
        icon('lock'), h('span', {}, t('status.lockedUntil', displayTime(c.lockedUntil)))));
    }
    if (c.canStart) {
      actions.push(h('button', { class: 'btn primary', 'data-testid': 'start-verification', onclick: () => go('verification/form') }, t('status.start')));
    }
  }

  return screen('verification-status-page', t('center.verification'), { back: 'personal-center' },
    ...cards, actions.length ? h('div', { class: 'actions' }, ...actions) : null);
}

// ---------------------------------------------------------------------------------------------
// The form (guide steps 4–6): fill in, upload photos, check, submit

const REGIONS = ['CN', 'HK', 'SG', 'US', 'GB', 'KP', 'IR'];
const DOCUMENT_TYPES = ['id_card', 'passport'];
const TEXT_FIELDS = ['region', 'documentType', 'fullName', 'documentNumber', 'dateOfBirth'];
const PHOTO_FIELDS = ['frontImage', 'backImage'];
const FIELDS = [...TEXT_FIELDS, ...PHOTO_FIELDS];
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_NAME_LENGTH = 100;
const UPLOAD_TIMEOUT_MS = 120_000;

/** The form while the user is on its route: values, chosen photos and the one idempotency key of this visit. */
let formState = null;

function randomId() {
  // crypto.randomUUID needs a secure context; a phone on http://10.0.2.2 is not one.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map(v => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

function dropFormState() {
  if (!formState) return;
  formState.xhr?.abort();
  for (const url of Object.values(formState.urls)) if (url) URL.revokeObjectURL(url);
  formState = null;
}

// --- checks made on the phone: the same rules and codes as the server's (FormValidation) -----

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

function validDate(y, m, d) {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** GB 11643-1999: { code } when the number is wrong, else { birthDate: 'yyyy-MM-dd' }. */
function checkIdNumber(number) {
  if (number.length !== 18 || !/^[0-9]{17}[0-9X]$/.test(number) || number[0] < '1' || number[0] > '8') return { code: 'id_number_format' };
  const [y, m, d] = [number.slice(6, 10), number.slice(10, 12), number.slice(12, 14)].map(Number);
  if (!validDate(y, m, d) || y < 1800) return { code: 'id_number_birth_date' };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(number[i]) * ID_WEIGHTS[i];
  if (ID_CHECK_CHARS[sum % 11] !== number[17]) return { code: 'id_number_check' };
  return { birthDate: `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}` };
}

function normalizeName(text) {
  return (text ?? '').normalize('NFKC').split(/\s+/).filter(Boolean).join(' ');
}

/** The user's date on the sandbox clock, which the server checks the date of birth against; the phone's only if not given. */
function todayIso(s) {
  if (s.today) return s.today;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The file's type by its first bytes, as the server decides it: 'jpeg', 'png' or null. */
async function sniffImage(file) {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && png.every((v, i) => head[i] === v)) return 'png';
  return null;
}

async function checkPhoto(file, required) {
  if (!file || file.size === 0) return required ? 'required' : null;
  if (file.size > MAX_FILE_BYTES) return 'file_too_large';
  // JPEG or PNG by content, as the server decides (a renamed file or a wrong MIME type changes nothing).
  if (!(await sniffImage(file))) return 'file_type';
  return null;
}

async function validateForm(s) {
  const v = readValues(s);
  const errors = {};
  if (!v.region) errors.region = 'required';
  else if (!/^[A-Z]{2}$/.test(v.region)) errors.region = 'region_invalid';
  if (!v.documentType) errors.documentType = 'required';
  else if (!DOCUMENT_TYPES.includes(v.documentType)) errors.documentType = 'document_type_invalid';

  const name = normalizeName(v.fullName);
  if (!name) errors.fullName = 'required';
  else if (name.length > MAX_NAME_LENGTH) errors.fullName = 'name_too_long';
  else if (/[\p{Cc}\p{Cf}]/u.test(name)) errors.fullName = 'name_invalid';

  const dob = v.dateOfBirth;
  let dobOk = false;
  if (!dob) errors.dateOfBirth = 'required';
  else {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dob);
    dobOk = !!m && validDate(+m[1], +m[2], +m[3]) && +m[1] >= 1900 && dob <= todayIso(s);
    if (!dobOk) errors.dateOfBirth = 'date_invalid';
  }

  const number = v.documentNumber.toUpperCase();
  if (!number) errors.documentNumber = 'required';
  else if (v.documentType === 'id_card') {
    const id = checkIdNumber(number);
    if (id.code) errors.documentNumber = id.code;
    else if (dobOk && id.birthDate !== dob) errors.dateOfBirth = 'dob_not_in_id_number';
  } else if (!/^[A-Z0-9]{5,20}$/.test(number)) errors.documentNumber = 'passport_number_format';

  const front = await checkPhoto(chosenFile(s, 'frontImage'), true);
  if (front) errors.frontImage = front;
  if (v.documentType === 'id_card') {
    const back = await checkPhoto(chosenFile(s, 'backImage'), true);
    if (back) errors.backImage = back;
  }
  return errors;
}

/** The photo as the input holds it now (not waiting for the preview to be made). */
function chosenFile(s, name) {
  return s.inputs[name].files?.[0] ?? null;
}

function readValues(s) {
  return {
    region: s.inputs.region.value.trim().toUpperCase(),
    documentType: s.inputs.documentType.value.trim(),
    fullName: s.inputs.fullName.value.trim(),
    documentNumber: s.inputs.documentNumber.value.trim(),
    dateOfBirth: s.inputs.dateOfBirth.value.trim(),
  };
}

// --- the form's elements --------------------------------------------------------------------

function setFieldError(s, name, code, message) {
  const group = s.groups[name];
  const input = s.inputs[name];
  group.querySelector(':scope > .field-error')?.remove();
  if (!code) {
    group.classList.remove('invalid');
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
    // The summary goes with the last error corrected.
    if (s.summary && s.form && !s.form.querySelector('.field-error')) s.summary.hidden = true;
    return;
  }
  const id = `f-${name}-error`;
  group.append(h('p', { class: 'field-error', id, 'data-testid': `error-${name}`, 'data-error': code }, message || t(`error.${code}`)));
  group.classList.add('invalid');
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', id);
}

function showErrors(s, errors, messages = {}) {
  for (const name of FIELDS) setFieldError(s, name, errors[name], messages[name]);
  const other = Object.keys(errors).filter(k => !FIELDS.includes(k));
  const failed = Object.keys(errors).length > 0;
  s.summary.replaceChildren(icon('alert'), h('span', {}, t('form.fixErrors'), ...other.map(k => ` ${messages[k] || t(`error.${errors[k]}`)}`)));
  s.summary.hidden = !failed;
  if (failed) {
    const first = FIELDS.find(n => errors[n] && !s.groups[n].hidden);
    (first ? s.groups[first] : s.summary).scrollIntoView({ block: 'center' });
  }
}

function fieldGroup(s, name, labelKey, control, ...extra) {
  const id = `f-${name}`;
  control.id = id;
  control.setAttribute('data-testid', `field-${name}`);
  control.setAttribute('name', name);
  const highlighted = s.highlight.includes(name);
  const group = h('div', { class: `field${highlighted ? ' highlighted' : ''}`, 'data-testid': `field-${name}-group`, 'data-highlighted': highlighted ? 'true' : null },
    h('label', { for: defects.has('app-photo-inputs-unlabelled') && PHOTO_FIELDS.includes(name) ? null : id }, highlighted ? icon('alert', 'icon mark') : null, t(labelKey)),
    control, ...extra);
  s.groups[name] = group;
  s.inputs[name] = control;
  // Once the user changes a field, its old error no longer applies.
  const clear = () => setFieldError(s, name, null);
  control.addEventListener('input', clear);
  control.addEventListener('change', clear);
  return group;
}

function select(options, value) {
  const el = h('select', {}, options.map(([v, label]) => h('option', { value: v }, label)));
  el.value = value;
  return el;
}

function regionOptions(current) {
  const codes = current && !REGIONS.includes(current) ? [...REGIONS, current] : REGIONS;
  return codes.map(code => [code, texts[`region.${code}`] ?? code]);
}

/**
 * A photo: the file input covers the whole tile (so the tile is what the finger taps, and the input stays
 * displayed for test drivers); its native button and file name are hidden, the tile shows the preview.
 */
function photoGroup(s, name) {
  const input = h('input', { type: 'file', accept: 'image/*', capture: 'environment' });
  const frame = h('div', { class: 'photo-frame' });
  const tile = h('div', { class: 'photo-tile' }, frame);
  let seq = 0;
  const showPreview = () => {
    const url = s.urls[name];
    tile.classList.toggle('chosen', !!url);
    frame.replaceChildren(url
      ? h('img', { src: url, alt: t(`form.${name}`), 'data-testid': `preview-${name}` })
      : h('div', { class: 'photo-empty' }, icon(name === 'frontImage' ? 'card' : 'camera', 'icon big'), h('span', {}, t(`form.${name}`))));
  };
  input.addEventListener('change', async () => {
    const mine = ++seq;
    const file = input.files?.[0] ?? null;
    const code = file ? await checkPhoto(file, false) : null;
    if (mine !== seq || formState !== s) return; // a newer choice, or the form was left
    if (s.urls[name]) URL.revokeObjectURL(s.urls[name]);
    s.urls[name] = file && !code ? URL.createObjectURL(file) : null;
    showPreview();
    setFieldError(s, name, code);
  });
  showPreview();
  const group = fieldGroup(s, name, `form.${name}`, input, tile);
  tile.append(input);
  return group;
}

function buildForm(s) {
  const p = s.prefill ?? {};
  const region = select(regionOptions(p.region), p.region || 'CN');
  const documentType = select(DOCUMENT_TYPES.map(d => [d, t(`form.documentType.${d}`)]), p.documentType || 'id_card');
  const fullName = h('input', { type: 'text', autocomplete: 'name', value: p.fullName ?? '', maxlength: 200 });
  const documentNumber = h('input', {
    type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', value: p.documentNumber ?? '', maxlength: 40,
  });
  const dateOfBirth = h('input', { type: 'date', value: p.dateOfBirth ?? '', min: '1900-01-01', max: todayIso(s) });

  s.summary = h('div', { class: 'notice error-notice', role: 'alert', 'data-testid': 'form-fix-errors', hidden: true });
  const notice = s.highlight.length > 0
    ? h('div', { class: 'notice warn', 'data-testid': 'form-highlight-notice' }, icon('alert'), h('span', {}, t('form.highlighted')))
    : null;

  const details = h('div', { class: 'card' },
    h('p', { class: 'intro' }, t('form.intro')),
    fieldGroup(s, 'region', 'form.region', region),
    fieldGroup(s, 'documentType', 'form.documentType', documentType),
    fieldGroup(s, 'fullName', 'form.fullName', fullName),
    fieldGroup(s, 'documentNumber', 'form.documentNumber', documentNumber),
    fieldGroup(s, 'dateOfBirth', 'form.dateOfBirth', dateOfBirth));

  const photos = h('div', { class: 'card' },
    h('p', { class: 'hint', 'data-testid': 'photo-hint' }, icon('camera'), h('span', {}, t('form.photoHint'))),
    photoGroup(s, 'frontImage'),
    photoGroup(s, 'backImage'));

  const syncType = () => {
    const isCard = documentType.value === 'id_card';
    s.groups.backImage.hidden = !isCard;
    if (!isCard) setFieldError(s, 'backImage', null);
  };
  documentType.addEventListener('change', syncType);
  syncType();

  const next = h('button', { type: 'submit', class: 'btn primary', 'data-testid': 'form-next' }, t('form.next'));
  return h('form', {
    class: 'verification-form', 'data-testid': 'verification-form', novalidate: true,
    onsubmit: async (e) => {
      e.preventDefault();
      next.disabled = true;
      try {
        const errors = await validateForm(s);
        showErrors(s, errors);
        if (Object.keys(errors).length === 0) showStep(s, 'check');
      } finally {
        next.disabled = false;
      }
    },
  }, notice, s.summary, details, photos, h('div', { class: 'actions' }, next));
}

// --- the check step and the upload ----------------------------------------------------------

function checkRow(name, labelKey, value, raw) {
  return h('div', { class: 'check-row' },
    h('dt', {}, t(labelKey)),
    h('dd', { 'data-testid': `check-${name}`, 'data-value': raw ?? value }, value));
}

function buildCheck(s) {
  const v = readValues(s);
  const isCard = v.documentType === 'id_card';
  s.progress = h('progress', { max: 100, value: 0, 'data-testid': 'upload-progress', 'aria-label': t('form.uploading') });
  s.progressBox = h('div', { class: 'upload', hidden: true }, h('span', {}, t('form.uploading')), s.progress);
  s.alerts = h('div', { class: 'alerts' });
  s.submit = h('button', { type: 'button', class: 'btn primary', 'data-testid': 'form-submit', onclick: () => submit(s) }, t('form.submit'));
  s.edit = h('button', { type: 'button', class: 'btn', 'data-testid': 'form-edit', onclick: () => { if (!s.xhr) showStep(s, 'form'); } }, t('form.edit'));
  for (const name of PHOTO_FIELDS) {
    const file = chosenFile(s, name);
    if (file && !s.urls[name]) s.urls[name] = URL.createObjectURL(file);
  }
  const preview = (name) => h('figure', { class: 'check-photo' },
    h('img', { src: s.urls[name], alt: t(`form.${name}`), 'data-testid': `preview-${name}` }),
    h('figcaption', {}, t(`form.${name}`)));
  return h('div', { class: 'form-check', 'data-testid': 'form-check' },
    h('div', { class: 'card' },
      h('h2', { class: 'card-title' }, t('form.check')),
      h('p', { class: 'intro' }, t('form.checkIntro')),
      h('dl', { class: 'check-list' },
        checkRow('region', 'form.region', texts[`region.${v.region}`] ?? v.region, v.region),
        checkRow('documentType', 'form.documentType', t(`form.documentType.${v.documentType}`), v.documentType),
        checkRow('fullName', 'form.fullName', v.fullName),
        checkRow('documentNumber', 'form.documentNumber', v.documentNumber.toUpperCase()),
        checkRow('dateOfBirth', 'form.dateOfBirth', v.dateOfBirth)),
      h('div', { class: 'check-photos' }, preview('frontImage'), isCard ? preview('backImage') : null)),
    s.alerts, s.progressBox,
    h('div', { class: 'actions' }, s.submit, s.edit));
}

function showStep(s, step) {
  s.step = step;
  const body = step === 'check' ? buildCheck(s) : s.form;
  s.body.replaceChildren(body);
  window.scrollTo(0, 0);
}

function showAlert(s, testid, text, code) {
  s.alerts.replaceChildren(h('div', { class: 'notice error-notice', role: 'alert', 'data-testid': testid, 'data-code': code ?? null }, icon('alert'), h('span', {}, text)));
  s.alerts.scrollIntoView({ block: 'center' });
}

function parseJson(text) {
  try { return JSON.parse(text); } catch { return null; }
}

function submit(s) {
  if (s.xhr) return; // a double tap sends one request; the idempotency key covers the rest
  s.alerts.replaceChildren();
  if (navigator.onLine === false) { showAlert(s, 'upload-error', t('form.uploadFailed')); return; }

  const v = readValues(s);
  const data = new FormData();
  for (const name of TEXT_FIELDS) data.append(name, v[name]);
  const front = chosenFile(s, 'frontImage');
  const back = chosenFile(s, 'backImage');
  if (front) data.append('frontImage', front, front.name || 'front.jpg');
  if (v.documentType === (defects.has('app-back-photo-not-sent') ? 'id-card' : 'id_card') && back) data.append('backImage', back, back.name || 'back.jpg');

  const xhr = new XMLHttpRequest();
  s.xhr = xhr;
  xhr.open('POST', `/api/v1/verification/attempts?lang=${encodeURIComponent(locale)}`);
  xhr.timeout = UPLOAD_TIMEOUT_MS;
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.setRequestHeader('Authorization', `Bearer ${localStorage.getItem(TOKEN_KEY) ?? ''}`);
  xhr.setRequestHeader('Idempotency-Key', s.key);

  s.submit.disabled = true;
  s.edit.disabled = true;
  s.submit.setAttribute('aria-busy', 'true');
  s.progress.value = 0;
  s.progress.removeAttribute('value'); // indeterminate until the first progress event
  s.progressBox.hidden = false;

  const done = () => {
    s.xhr = null;
    if (formState !== s) return false; // the user left the form meanwhile
    s.submit.disabled = false;
    s.edit.disabled = false;
    s.submit.removeAttribute('aria-busy');
    s.progressBox.hidden = true;
    return true;
  };
  xhr.upload.addEventListener('progress', (e) => {
    if (e.lengthComputable) s.progress.value = Math.round((e.loaded / e.total) * 100);
  });
  const uploadFailed = () => {
    if (defects.has('app-back-photo-dropped-after-upload-failure')) {
      s.inputs.backImage.value = '';
      s.inputs.backImage.dispatchEvent(new Event('change'));
    }
    showAlert(s, 'upload-error', t('form.uploadFailed'));
  };
  const failed = () => { if (done()) uploadFailed(); };
  xhr.addEventListener('error', failed);
  xhr.addEventListener('timeout', failed);
  xhr.addEventListener('load', () => {
    if (!done()) return;
    const body = parseJson(xhr.responseText) ?? {};
    const status = xhr.status;
    if (defects.has('app-upload-failure-shown-as-success') ? status < 400 || status >= 500 : status === 200 || status === 202) {
      dropFormState();
      go('verification');
    } else if (status === 400 && body.errors) {
      showStep(s, 'form');
      showErrors(s, body.errors, body.messages ?? {});
    } else if (status === 401) {
      dropFormState();
      signOut();
    } else if (status === 429) {
      const text = body.title || t('form.locked', body.lockedUntil ? displayTime(body.lockedUntil) : '');
      showAlert(s, 'form-error', text, body.code || 'attempts_exceeded');
      s.alerts.firstChild.setAttribute('data-locked-until', body.lockedUntil ?? '');
    } else if (status === 409) {
      showAlert(s, 'form-error', body.title || t('form.notAllowed'), body.code || 'not_allowed');
    } else if (status >= 500 || status === 0) {
      uploadFailed();
    } else {
      showAlert(s, 'form-error', body.title || t('form.uploadFailed'), body.code || `http_${status}`);
    }
  });
  xhr.send(data);
}

async function formScreen() {
  if (formState) return formState.view;
  const c = await (await api('/verification')).json();
  const s = {
    key: randomId(),
    prefill: (defects.has('app-retry-form-not-prefilled') ? c.prefilled : c.prefill) ?? null,
    highlight: c.highlightFields ?? [],
    today: /^\d{4}-\d{2}-\d{2}$/.test(c.today ?? '') ? c.today : null,
    urls: { frontImage: null, backImage: null },
    inputs: {},
    groups: {},
    xhr: null,
    step: 'form',
  };
  s.form = buildForm(s);
  s.body = h('div', { class: 'form-body' }, s.form);
  s.view = screen('verification-form-page', t('form.title'), { back: () => (s.step === 'check' && !s.xhr ? showStep(s, 'form') : go('verification')) }, s.body);
  formState = s;
  return s.view;
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
  if (route !== 'verification/form') dropFormState();
  const view = await (routes[route] ?? homeScreen)();
  root.replaceChildren(view);
  root.dataset.route = route;
}

window.addEventListener('hashchange', () => { render().catch(console.error); });
const requested = normalizeLocale(new URLSearchParams(location.search).get('lang'));
if (requested) localStorage.setItem(LANG_KEY, requested);
const [config] = await Promise.all([
  fetch('/api/v1/client-config').then(r => (r.ok ? r.json() : {})).catch(() => ({})),
  loadTexts(localStorage.getItem(LANG_KEY) || navigator.language),
]);
defects = new Set(config.defects ?? []);
await render();
