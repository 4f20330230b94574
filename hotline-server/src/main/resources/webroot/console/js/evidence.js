// The ticket's evidence files (citizens' photos, departments' photos and PDFs): listed with who added them, saved on click.
import { api, download } from './api.js';
import { h, formatTime, notify } from './dom.js';
import * as L from './labels.js';

const KINDS = { 'image/jpeg': '照片', 'image/png': '照片', 'image/webp': '照片', 'application/pdf': 'PDF' };

function size(bytes) {
  return bytes >= 1024 * 1024 ? (bytes / 1024 / 1024).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
}

function uploader(item, departmentName) {
  return item.uploaderDepartment ? departmentName(item.uploaderDepartment) : L.label(L.ROLES, item.uploaderRole);
}

/** A card listing the ticket's files; an empty list says so. */
export async function evidenceCard(ticket, departmentName) {
  const path = `/api/v1/tickets/${encodeURIComponent(ticket.id)}/attachments`;
  const items = await api('GET', path).then((answer) => answer.items).catch(() => null);
  const body = items === null ? h('p', { className: 'muted' }, '附件列表暂时无法加载')
    : items.length === 0 ? h('p', { className: 'muted' }, '暂无附件')
      : h('ul', { className: 'evidence' }, items.map((item) => h('li', {},
        h('button', {
          type: 'button', className: 'link', dataset: { attachment: item.id },
          onclick: () => download(`${path}/${item.id}`, item.fileName).catch((e) => notify('下载失败：' + e.message, 'error')),
        }, item.fileName),
        h('span', { className: 'muted' }, ` ${KINDS[item.contentType] || ''} · ${size(item.size)} · ${uploader(item, departmentName)} · ${formatTime(item.at)}`))));
  return h('div', { className: 'card', id: 'evidence' }, h('h3', {}, `附件（${items ? items.length : '—'}）`), body);
}
