// Chinese labels of the API's enums (values are the OpenAPI document's).
export const APPEAL_TYPES = { CONSULTATION: '咨询', HELP: '求助', COMPLAINT: '投诉', REPORT: '举报', SUGGESTION: '建议', PRAISE: '表扬' };
export const URGENCIES = { NORMAL: '一般', URGENT: '紧急', EMERGENCY: '特急' };
export const STATUSES = {
  RECEIVED: '已受理', CLASSIFIED: '已分类', ASSIGNED: '已派单', SIGNED: '已签收', IN_PROGRESS: '办理中',
  RETURN_REQUESTED: '申请退单', SUSPENDED: '已挂起', REPLIED: '已答复', REVIEWED: '已审核', REVISITED: '已回访',
  CLOSED: '已办结', NOT_ACCEPTED: '不予受理', MERGED: '已合并',
};
export const OPEN_STATUSES = new Set(['RECEIVED', 'CLASSIFIED', 'ASSIGNED', 'SIGNED', 'IN_PROGRESS', 'RETURN_REQUESTED', 'SUSPENDED', 'REPLIED', 'REVIEWED', 'REVISITED']);
export const REPLY_RESULTS = { RESOLVED: '已解决', PARTLY_RESOLVED: '部分解决', UNRESOLVED: '未解决', EXPLAINED: '已解释说明' };
export const RESOLUTIONS = { RESOLVED: '已解决', PARTLY_RESOLVED: '部分解决', UNRESOLVED: '未解决' };
export const SATISFACTIONS = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意', NO_RATING: '未评价' };
export const URGE_LEVELS = { URGE: '催办', SUPERVISE: '督办', NOTIFY: '通报' };
export const CLOCKS = { SIGN: '签收时限', CONTACT: '联系时限', HANDLE: '办理时限', RETURN_WINDOW: '退单时限', REVISIT: '回访时限', OPINION: '协办意见时限' };
export const ROLES = { AGENT: '坐席', DISPATCHER: '派单员', SUPERVISOR: '班长', DEPARTMENT: '承办单位', ADMIN: '管理员', SYSTEM: '系统', CITIZEN: '市民' };
export const MARKS = { START: '开始计时', PAUSE: '暂停计时', RESUME: '恢复计时', STOP: '停止计时', EXTEND: '延期', EXTENSION: '延期', RESTART: '重新计时' };

export const CHANNELS = {
  PHONE: '电话', WEB: '网站', APP: '移动应用', WECHAT: '微信', SMS: '短信', LETTER: '信件', ON_SITE: '现场',
  POLICE_110: '110 转办', PROVINCIAL_PLATFORM: '省平台转办', LEADER_ASSIGNED: '领导交办',
};
// the system's own actors (Actor.system(component)) as people read them
export const SYSTEM_ACTORS = {
  'auto-dispatch': '系统自动派单', 'sla-scheduler': '时限监控', 'merge-follower': '主单同步', 'linkage-110': '110 联动',
  open311: 'Open311 接口', auth: '账号服务',
};
const UNITS = { m: '分钟', h: '小时', wd: '个工作日' };

/** A time limit in the configuration form (30m, 2h, 5wd) in words: 5个工作日. */
export function limit(text) {
  const m = /^(\d+)(m|h|wd)$/.exec(text || '');
  return m ? m[1] + UNITS[m[2]] : (text || '—');
}

/** Who acted: a system component by its Chinese name, a person by name, else the role. */
export function actor(a) {
  if (!a) return '—';
  const component = a.role === 'SYSTEM' && a.userId ? a.userId.replace(/^system:/, '') : null;
  if (component) return SYSTEM_ACTORS[component] || '系统';
  return a.displayName || label(ROLES, a.role);
}

export function label(map, value) {
  return value == null ? '—' : (map[value] || value);
}
