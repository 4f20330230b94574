// The ticket commands as small forms built from the OpenAPI bodies; the server's allowedActions says which apply now.
import { api, upload } from './api.js';
import { h, notify, keepDraft } from './dom.js';
import { REPLY_RESULTS, RESOLUTIONS, SATISFACTIONS, URGE_LEVELS } from './labels.js';

const reason = (required = true) => ({ name: 'reason', label: '理由', type: 'textarea', required, max: 1000 });

export const ACTIONS = {
  answer: { label: '直接答复', fields: [{ name: 'answer', label: '答复内容', type: 'textarea', required: true, max: 4000 }] },
  classify: {
    label: '分类', fields: [
      { name: 'categoryCode', label: '事项分类', type: 'category', required: true }, reason(false),
    ],
  },
  sign: { label: '签收', fields: [] },
  'assist-sign': { label: '协办签收', fields: [] },
  'assist-opinion': {
    label: '提交协办意见', fields: [{ name: 'opinion', label: '协办意见（给主办单位）', type: 'textarea', required: true, max: 4000 }],
  },
  contact: {
    label: '记录联系群众', fields: [
      { name: 'note', label: '联系情况', type: 'textarea', required: true, max: 1000 },
      { name: 'attachments', label: '佐证材料（照片或 PDF，可多选）', type: 'files' },
    ],
  },
  reply: {
    label: '答复', fields: [
      { name: 'text', label: '答复内容', type: 'textarea', required: true, max: 4000 },
      { name: 'result', label: '办理结果', type: 'select', options: REPLY_RESULTS, required: true },
      { name: 'attachments', label: '佐证材料（照片或 PDF，可多选）', type: 'files' },
    ],
  },
  'sub-assign': {
    label: '转派下级单位', fields: [
      { name: 'subUnit', label: '下级单位', type: 'subunit', required: true }, reason(false),
    ],
  },
  'sub-assign/withdraw': {
    label: '收回下级单位办理', fields: [reason(false)],
  },
  'request-return': {
    label: '申请退单', fields: [
      reason(), { name: 'responsibleParty', label: '建议责任单位', type: 'text', required: true, max: 100 },
    ],
  },
  'request-extension': {
    label: '申请延期', fields: [
      { name: 'workingDays', label: '延期工作日（1-10）', type: 'number', min: 1, maxValue: 10, required: true }, reason(),
    ],
  },
  resume: { label: '恢复办理', fields: [reason(false)] },
  suspend: { label: '挂起', fields: [reason()] },
  assign: {
    label: '派单', fields: [
      { name: 'lead', label: '主办单位', type: 'department', required: true },
      { name: 'assisting', label: '协办单位（每行一个单位编号）', type: 'lines', max: 64 }, reason(false),
    ],
  },
  reassign: {
    label: '改派', fields: [
      { name: 'lead', label: '新主办单位', type: 'department', required: true },
      { name: 'assisting', label: '协办单位（每行一个单位编号）', type: 'lines', max: 64 }, reason(),
    ],
  },
  'approve-extension': { label: '批准延期', fields: [reason(false)] },
  'reject-extension': { label: '驳回延期', fields: [reason()] },
  'approve-return': {
    label: '批准退单（改派）', fields: [
      { name: 'newLead', label: '新主办单位（可空）', type: 'department' }, reason(false),
    ],
  },
  'reject-return': { label: '驳回退单', fields: [reason()] },
  urge: {
    label: '催办/督办', fields: [
      { name: 'level', label: '级别', type: 'select', options: URGE_LEVELS, required: true }, reason(),
    ],
  },
  'accept-reply': { label: '审核通过答复', fields: [reason(false)] },
  'send-back-reply': { label: '答复退回重办', fields: [reason()] },
  revisit: {
    label: '录入回访', fields: [
      { name: 'resolution', label: '解决情况', type: 'select', options: RESOLUTIONS, required: true },
      { name: 'satisfaction', label: '满意度', type: 'select', options: SATISFACTIONS, required: true },
      { name: 'note', label: '回访记录', type: 'textarea', max: 1000 },
    ],
  },
  rehandle: { label: '重办', fields: [reason()] },
  'not-accept': {
    label: '不予受理', fields: [reason(), { name: 'properChannel', label: '告知的正确渠道', type: 'text', max: 200 }],
  },
  close: { label: '办结', fields: [reason(false)] },
  merge: {
    label: '合并为重复件', fields: [
      { name: 'masterTicketId', label: '主工单 ID', type: 'text', required: true, max: 64 }, reason(false),
    ],
  },
};

/** The units below the viewer's department in the directory (streets of a district, communities of a street). */
export function subUnits(refs) {
  const all = refs.allDepartments || [];
  const below = new Set([refs.department]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of all) if (d.parentId && below.has(d.parentId) && !below.has(d.id)) { below.add(d.id); grew = true; }
  }
  return refs.department ? all.filter((d) => d.id !== refs.department && below.has(d.id) && d.active !== false) : [];
}

function input(field, refs) {
  const common = { name: field.name, required: field.required || undefined };
  switch (field.type) {
    case 'textarea': return h('textarea', { ...common, maxlength: field.max });
    case 'lines': return h('textarea', { ...common, rows: 2 });
    case 'files': return h('input', { ...common, type: 'file', multiple: true, accept: EVIDENCE_TYPES });
    case 'number': return h('input', { ...common, type: 'number', min: field.min, max: field.maxValue });
    case 'select':
      return h('select', common, h('option', { value: '' }, '请选择'),
        Object.entries(field.options).map(([v, t]) => h('option', { value: v }, t)));
    case 'department':
      return h('select', common, h('option', { value: '' }, field.required ? '请选择' : '（不改）'),
        refs.departments.map((d) => h('option', { value: d.id }, d.name)));
    case 'subunit':
      return h('select', common, h('option', { value: '' }, '请选择'), subUnits(refs).map((d) => h('option', { value: d.id }, d.name)));
    case 'category':
      return h('select', common, h('option', { value: '' }, '请选择'),
        (refs.categories || []).map((c) => h('option', { value: c.code }, `${c.code} ${c.path || c.name}`)));
    default: return h('input', { ...common, maxlength: field.max });
  }
}

function bodyOf(form, fields) {
  const body = {};
  for (const f of fields.filter((field) => field.type !== 'files')) {
    const raw = form.elements.namedItem(f.name).value.trim();
    if (f.type === 'lines') {
      const lines = raw.split('\n').map((s) => s.trim()).filter(Boolean);
      if (lines.length) body[f.name] = lines;
    } else if (f.type === 'number') {
      if (raw) body[f.name] = Number(raw);
    } else if (raw) {
      body[f.name] = raw;
    }
  }
  return body;
}

const EVIDENCE_TYPES = 'image/jpeg,image/png,image/webp,application/pdf';

/** Uploads the form's chosen files to the ticket first; the command then names them by the ids the server gave. */
async function uploadEvidence(ticket, form, fields) {
  const ids = [];
  for (const f of fields.filter((field) => field.type === 'files')) {
    for (const file of form.elements.namedItem(f.name).files) {
      const saved = await upload(`/api/v1/tickets/${encodeURIComponent(ticket.id)}/attachments`, file);
      ids.push(saved.id);
    }
  }
  return ids;
}

/** A collapsible form per command; success reloads the ticket, failure shows the API's detail and keeps the text. */
export function actionForm(ticket, name, refs, onDone) {
  const spec = ACTIONS[name];
  const form = h('form', { dataset: { action: name } },
    spec.fields.map((f) => h('label', {}, f.label, input(f, refs))),
    h('button', { type: 'submit', className: 'primary' }, '提交' + spec.label));
  const draft = keepDraft(form, ticket.id + '.' + name);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const body = bodyOf(form, spec.fields);
      const ids = await uploadEvidence(ticket, form, spec.fields);
      if (ids.length) body.attachments = ids;
      const updated = await api('POST', `/api/v1/tickets/${encodeURIComponent(ticket.id)}/${name}`, body);
      draft.discard();
      await onDone(updated);
      notify(`${spec.label}成功：工单 ${updated.number} 当前状态已更新`);
    } catch (e) {
      notify(`${spec.label}失败：${e.message}`, 'error');
    } finally {
      button.disabled = false;
    }
  });
  return h('details', { className: 'action' },
    h('summary', {}, spec.label), form);
}
