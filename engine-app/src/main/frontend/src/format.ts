import type { Light } from './types';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 2026年12月7日 周一, in Asia/Shanghai whatever the browser's zone. */
export function day(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parts = shanghai(iso);
  return `${parts.year}年${parts.month}月${parts.day}日 ${WEEKDAYS[parts.weekday]}`;
}

/** 2026年12月7日 周一 14:05 */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parts = shanghai(iso);
  return `${day(iso)} ${parts.hour}:${parts.minute}`;
}

/**
 * A due date at 24:00 is the end of the day before (the API writes it as 00:00 of the next day):
 * show the last day one may still work on.
 */
export function dueDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parts = shanghai(iso);
  if (parts.hour === '00' && parts.minute === '00') {
    return day(new Date(new Date(iso).getTime() - 60_000).toISOString());
  }
  return day(iso);
}

function shanghai(iso: string) {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit',
    minute: '2-digit', hourCycle: 'h23', weekday: 'short',
  });
  const get = (type: string) => format.formatToParts(new Date(iso)).find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { year: get('year'), month: String(Number(get('month'))), day: String(Number(get('day'))), hour: get('hour'), minute: get('minute'), weekday };
}

export const LIGHT_NAMES: Record<Light, string> = { RED: '红灯', YELLOW: '黄灯', GREEN: '绿灯' };

/** 红灯 超期 2 个工作日 / 黄灯 剩 1 个工作日 / 绿灯 剩 5 个工作日 */
export function lightText(light: Light, workdaysLeft: number | null | undefined): string {
  if (workdaysLeft === null || workdaysLeft === undefined) return LIGHT_NAMES[light];
  return `${LIGHT_NAMES[light]} ${workdays(workdaysLeft, light)}`;
}

/**
 * The API counts 1 on the last working day and 0 or less once the deadline has passed (negative:
 * working days overdue); 0 before the deadline is a deadline at the end of today, a rest day.
 */
export function workdays(left: number | null | undefined, light?: Light): string {
  if (left === null || left === undefined) return '—';
  if (left < 0) return `超期 ${-left} 个工作日`;
  if (left === 0) return light === 'RED' ? '已超期' : '今日到期';
  return `剩 ${left} 个工作日`;
}

export const DECISION_NAMES: Record<string, string> = {
  APPROVE: '同意', DENY: '不同意', RETURN: '退回重审',
};

export const STATUS_NAMES: Record<string, string> = {
  ACCEPTED: '已受理', ACCEPTED_WITH_DEFICIENCY: '容缺受理', NOTICE_ISSUED: '一次性告知', REFUSED: '不予受理',
  IN_PROGRESS: '办理中', SUSPENDED: '暂停计时', APPROVED: '准予许可', DENIED: '不予许可', REVOKED: '已撤销',
  WITHDRAWN: '已撤回', COMPLETED: '已办结',
};

export function size(bytes: number): string {
  if (bytes < 1024) return bytes + ' B';
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(0) + ' KB';
  return (bytes / 1024 / 1024).toFixed(1) + ' MB';
}

/** The kinds of the case's timeline lines. */
export const KIND_NAMES: Record<string, string> = {
  INTAKE: '受理', STEP: '办理', SUPPLEMENT_REQUESTED: '补正告知', URGE: '督办', REVIEW: '评价', MIGRATION: '流程升级',
  NOTICE: '通知', TRANSFER: '转办', DELEGATE: '委派', RESOLVE: '交回', SEND_BACK: '退回', CONSULTATION: '征求意见',
  CONSULTATION_ANSWER: '答复意见', COPY: '抄送',
};

export const NOTIFICATION_NAMES: Record<string, string> = {
  TASK_TRANSFERRED: '转办', TASK_DELEGATED: '委派', TASK_RESOLVED: '交回', TASK_SENT_BACK: '退回', YELLOW: '黄灯预警',
  RED: '红灯超期', URGE: '督办', OPINION_REQUESTED: '征求意见', OPINION_ANSWERED: '意见答复', COPY: '抄送',
  NEW_TASK: '新任务',
};

export const CONSULTATION_STATES: Record<string, string> = { OPEN: '待答复', OVERDUE: '已超期', ANSWERED: '已答复' };
