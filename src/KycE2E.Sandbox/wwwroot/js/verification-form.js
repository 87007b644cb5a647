// The portal's verification form: details → check step → upload with progress; errors shown inline,
// nothing typed is lost when the upload fails.
const form = document.getElementById('verification-form');
const byId = (id) => form.querySelector(`[data-testid="${id}"]`);
const steps = { details: form.querySelector('[data-step="details"]'), check: form.querySelector('[data-step="check"]') };
const fields = ['region', 'documentType', 'fullName', 'documentNumber', 'dateOfBirth', 'frontImage', 'backImage'];
// Deliberate defects for measuring the suite (docs/defects.md); empty in a correct sandbox.
const defects = new Set((document.querySelector('meta[name="sandbox-defects"]')?.content ?? '').split(',').filter(Boolean));

function show(step) {
  steps.details.hidden = step !== 'details';
  steps.check.hidden = step !== 'check';
  (step === 'check' ? byId('form-submit') : byId('form-next')).scrollIntoView({ block: 'center' });
}

function isIdCard() { return form.elements.documentType.value === 'id_card'; }

function syncBackSide() {
  byId('field-backImage-group').hidden = !isIdCard();
}

function preview(name) {
  const input = form.elements[name];
  const img = byId(`preview-${name}`);
  const file = input.files[0];
  if (img.src) URL.revokeObjectURL(img.src);
  if (file) { img.src = URL.createObjectURL(file); img.hidden = false; } else { img.removeAttribute('src'); img.hidden = true; }
}

function clearErrors() {
  for (const name of fields) {
    const el = byId(`error-${name}`);
    el.hidden = true; el.textContent = ''; el.removeAttribute('data-error');
    form.elements[name].removeAttribute('aria-invalid');
    form.elements[name].removeAttribute('aria-describedby');
  }
  for (const id of ['upload-error', 'form-error']) { const el = byId(id); el.hidden = true; el.textContent = ''; }
}

function showErrors(errors, messages) {
  for (const [name, code] of Object.entries(errors)) {
    const el = byId(`error-${name}`);
    if (!el) continue;
    el.dataset.error = code; el.textContent = messages[name] ?? code; el.hidden = false;
    form.elements[name].setAttribute('aria-invalid', 'true');
    if (!defects.has('web-error-not-tied-to-field')) form.elements[name].setAttribute('aria-describedby', el.id);
  }
  show('details');
}

function fillCheck() {
  const text = (name) => {
    const el = form.elements[name];
    return el.tagName === 'SELECT' ? el.options[el.selectedIndex].text : el.value;
  };
  for (const name of ['region', 'documentType', 'fullName', 'documentNumber', 'dateOfBirth']) byId(`check-${name}`).textContent = text(name);
  const photos = steps.check.querySelector('.check-photos');
  photos.replaceChildren(...['frontImage', 'backImage']
    .filter((n) => n === 'frontImage' || isIdCard())
    .map((n) => byId(`preview-${n}`))
    .filter((img) => img.src)
    .map((img) => Object.assign(document.createElement('img'), { src: img.src, className: 'preview', alt: '' })));
}

function body() {
  const data = new FormData(form);
  if (!isIdCard()) data.delete('backImage');
  for (const name of ['frontImage', 'backImage']) {
    const file = data.get(name);
    if (file instanceof File && file.size === 0) data.delete(name);
  }
  data.set('idempotencyKey', form.dataset.idempotencyKey);
  return data;
}

function upload() {
  const progress = byId('upload-progress');
  const submit = byId('form-submit');
  clearErrors();
  submit.disabled = true;
  progress.hidden = false; progress.value = 0; progress.textContent = form.dataset.uploading;
  const xhr = new XMLHttpRequest();
  xhr.open('POST', form.action);
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.setRequestHeader('Idempotency-Key', form.dataset.idempotencyKey);
  xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100); };
  const failed = () => {
    submit.disabled = false; progress.hidden = true;
    if (defects.has('web-details-lost-after-upload-failure')) form.reset();
    const el = byId('upload-error'); el.textContent = form.dataset.uploadFailed; el.hidden = false;
  };
  xhr.onerror = failed;
  xhr.ontimeout = failed;
  xhr.onload = () => {
    submit.disabled = false; progress.hidden = true;
    let answer = {};
    try { answer = JSON.parse(xhr.responseText || '{}'); } catch { answer = {}; }
    if (xhr.status === 200 || xhr.status === 202) { window.location.assign('/account/verification'); return; }
    if (xhr.status === 400 && answer.errors) { showErrors(answer.errors, answer.messages ?? {}); return; }
    if (xhr.status === 503 || xhr.status === 0 || xhr.status >= 502) { failed(); return; }
    const el = byId('form-error');
    el.textContent = answer.title ?? `${xhr.status}`; el.dataset.code = answer.code ?? `${xhr.status}`; el.hidden = false;
  };
  xhr.timeout = 120000;
  xhr.send(body());
}

form.elements.documentType.addEventListener('change', syncBackSide);
for (const name of ['frontImage', 'backImage']) form.elements[name].addEventListener('change', () => preview(name));
byId('form-next').addEventListener('click', () => { clearErrors(); fillCheck(); show('check'); });
byId('form-edit').addEventListener('click', () => show('details'));
form.addEventListener('submit', (e) => { e.preventDefault(); if (!byId('form-submit').disabled) upload(); });
syncBackSide();
