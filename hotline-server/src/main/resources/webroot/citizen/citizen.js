// Citizens' pages: file an appeal, look up its progress with the number and query code, rate the reply.
// Only the public API (POST /api/v1/appeals and .../attachments, GET /api/v1/appeals/{number}, POST .../rating); no login.
const STATUS = {
  RECEIVED: '已受理', CLASSIFIED: '已受理', ASSIGNED: '已转交承办单位', SIGNED: '承办单位已签收', IN_PROGRESS: '办理中',
  RETURN_REQUESTED: '办理中', SUSPENDED: '暂停办理', REPLIED: '已答复，待审核', REVIEWED: '已答复，请您评价', REVISITED: '已回访',
  CLOSED: '已办结', NOT_ACCEPTED: '不予受理', MERGED: '已并入同一诉求的工单办理',
};
const SATISFACTION = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意' };
const RESOLUTION = { RESOLVED: '已解决', PARTLY_RESOLVED: '部分解决', UNRESOLVED: '未解决' };
const $ = (id) => document.getElementById(id);

function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className') el.className = v; else if (k.startsWith('on')) el.addEventListener(k.slice(2), v); else if (v != null) el.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

function notify(text, kind = 'ok') {
  const el = $('notice');
  el.textContent = text;
  el.className = kind;
  el.hidden = false;
}

async function call(method, path, body) {
  let response;
  try {
    response = await fetch(path, { method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  } catch (e) {
    throw new Error('网络连接中断，请稍后再试，已填写的内容已保留');
  }
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.detail || (response.status === 429 ? '操作太频繁，请稍后再试' : '提交失败，请稍后再试'));
  return json;
}

function formatTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function showTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  $('tab-appeal').hidden = name !== 'appeal';
  $('tab-progress').hidden = name !== 'progress';
}

// one key per filled-in form, so a retry after a lost answer files no second appeal
let idempotencyKey = null;
$('appeal-form').addEventListener('input', () => { idempotencyKey = null; });
$('appeal-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const value = (name) => form.elements.namedItem(name).value.trim() || undefined;
  idempotencyKey = idempotencyKey || (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
  const body = { title: value('title'), content: value('content'), appealType: value('appealType'), phone: value('phone'), name: value('name'),
    district: value('district'), address: value('address'), confidential: form.elements.namedItem('confidential').checked, idempotencyKey };
  const photos = Array.from(form.elements.namedItem('photos').files);
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const filed = await call('POST', '/api/v1/appeals', body);
    const failed = await addPhotos(filed, photos);
    form.reset();
    idempotencyKey = null;
    const box = $('filed');
    box.replaceChildren(h('h2', {}, '诉求已受理'),
      h('p', {}, '请记下工单编号和查询码，用于查询办理进度和评价：'),
      h('dl', {}, h('dt', {}, '工单编号'), h('dd', { className: 'code', id: 'filed-number' }, filed.ticketNumber),
        h('dt', {}, '查询码'), h('dd', { className: 'code', id: 'filed-code' }, filed.queryCode)),
      photos.length ? h('p', { id: 'filed-photos' }, `已上传照片 ${photos.length - failed.length} 张`
        + (failed.length ? `，${failed.length} 张未上传：${failed[0]}` : '')) : null,
      filed.advice ? h('p', {}, filed.advice) : null,
      h('button', { type: 'button', onclick: () => lookUp(filed.ticketNumber, filed.queryCode) }, '查看办理进度'));
    box.hidden = false;
    notify('诉求已提交，工单编号 ' + filed.ticketNumber);
  } catch (e) {
    notify('提交失败：' + e.message, 'error');
  } finally {
    button.disabled = false;
  }
});

/** Photos go after the appeal, each with its number and query code; a refused photo never undoes the appeal. */
async function addPhotos(filed, photos) {
  const failed = [];
  for (const photo of photos) {
    const path = `/api/v1/appeals/${encodeURIComponent(filed.ticketNumber)}/attachments?queryCode=${encodeURIComponent(filed.queryCode)}`
      + `&fileName=${encodeURIComponent(photo.name)}`;
    try {
      const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': photo.type || 'application/octet-stream' }, body: photo });
      if (!response.ok) {
        const json = await response.json().catch(() => ({}));
        failed.push(`${photo.name}（${json.detail || '上传失败'}）`);
      }
    } catch (e) {
      failed.push(`${photo.name}（网络连接中断）`);
    }
  }
  return failed;
}

async function lookUp(number, code) {
  showTab('progress');
  const form = $('progress-form');
  form.elements.namedItem('number').value = number;
  form.elements.namedItem('queryCode').value = code;
  const box = $('progress');
  try {
    render(box, await call('GET', `/api/v1/appeals/${encodeURIComponent(number)}?queryCode=${encodeURIComponent(code)}`), code);
  } catch (e) {
    box.hidden = true;
    notify('查询失败：' + e.message, 'error');
  }
}

function render(box, p, code) {
  const row = (k, v) => [h('dt', {}, k), h('dd', {}, v == null || v === '' ? '—' : v)];
  box.replaceChildren(h('h2', {}, p.title || '工单'),
    h('dl', { id: 'progress-facts' }, row('工单编号', p.ticketNumber), row('办理状态', STATUS[p.status] || p.statusLabel),
      row('承办单位', p.departmentName || (p.department ? '承办单位' : '尚未转交')), row('受理时间', formatTime(p.receivedAt)),
      row('答复时间', formatTime(p.repliedAt)), row('答复内容', p.reply && p.reply.text),
      row('您的评价', p.visit ? `${SATISFACTION[p.visit.satisfaction] || '已评价'}（${RESOLUTION[p.visit.resolution] || ''}）` : null)),
    p.status === 'REVIEWED' && !p.visit ? ratingForm(p.ticketNumber, code, box) : null);
  box.hidden = false;
}

function ratingForm(number, code, box) {
  const options = (name, map) => h('select', { name, required: true }, h('option', { value: '' }, '请选择'),
    Object.entries(map).map(([v, t]) => h('option', { value: v }, t)));
  const form = h('form', { id: 'rating-form' }, h('h2', {}, '评价办理结果'),
    h('label', {}, '问题是否解决', options('resolution', RESOLUTION)),
    h('label', {}, '满意程度', options('satisfaction', SATISFACTION)),
    h('label', {}, '意见（可不填）', h('textarea', { name: 'comment', maxlength: 1000, rows: 3 })),
    h('button', { type: 'submit', className: 'primary' }, '提交评价'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = (name) => form.elements.namedItem(name).value.trim() || undefined;
    try {
      render(box, await call('POST', `/api/v1/appeals/${encodeURIComponent(number)}/rating`,
        { queryCode: code, resolution: value('resolution'), satisfaction: value('satisfaction'), comment: value('comment') }), code);
      notify('感谢您的评价');
    } catch (e) {
      notify('评价失败：' + e.message, 'error');
    }
  });
  return form;
}

for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab));
$('progress-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  lookUp(form.elements.namedItem('number').value.trim().toUpperCase(), form.elements.namedItem('queryCode').value.trim());
});
// a link such as /citizen/#progress?number=...&code=... (e.g. in the SMS) opens the lookup directly
const link = new URLSearchParams(location.hash.split('?')[1] || '');
if (link.get('number') && link.get('code')) lookUp(link.get('number'), link.get('code'));
