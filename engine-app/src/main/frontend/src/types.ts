export type Light = 'GREEN' | 'YELLOW' | 'RED';

export interface Me {
  id: string;
  name: string;
  groups: string[];
  views?: Record<string, boolean>;
}

/** GET /api/tasks: one row of the approver's list. */
export interface TaskView {
  id: string;
  name: string;
  stepId: string;
  caseNo: string | null;
  matterCode: string | null;
  matterName: string | null;
  priority: number;
  assignee: string | null;
  candidateGroups: string[];
  created: string;
  dueDate: string | null;
  light: Light;
  workdaysLeft: number | null;
  decisions: string[];
  caseStep: boolean;
  provisional: boolean;
}

/** GET /api/workbench/tasks/{id}: the step with its deployed form. */
export interface TaskDetail {
  id: string;
  name: string;
  stepId: string;
  caseNo: string | null;
  processDefinitionId: string;
  assignee: string | null;
  candidateGroups: string[];
  dueDate: string | null;
  light: Light;
  workdaysLeft: number | null;
  priority: number;
  form: Record<string, unknown> | null;
  variables: Record<string, unknown>;
  owner: string | null;
  delegationState: 'PENDING' | null;
  returnTo: { stepId: string; name: string }[];
}

export interface FileLink {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
  removedAt?: string;
  href: string;
}

export interface Material {
  code: string;
  name: string;
  tolerable: boolean;
  provided: boolean;
  requested: boolean;
  originalSeenBy?: string;
  originalSeenAt?: string;
  files?: FileLink[];
}

export interface Sla {
  limitWorkdays: number;
  dueDate: string;
  dueDay: string;
  workdaysLeft: number;
  light: Light;
  paused: boolean;
  pauseKind: string | null;
  pausedWorkdays: number;
  provisional: boolean;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  stepId: string | null;
  step: string | null;
  actor: string | null;
  decision: string | null;
  opinion: string | null;
  caseNo: string;
}

export interface CaseDetail {
  caseNo: string;
  status: string;
  matter: { code: string; name: string; department: string; departmentName: string };
  applicant: { type: string; name: string; idNumber: string; phone: string };
  channel: string;
  station: string;
  priority?: string;
  commitment: boolean;
  receivedAt: string;
  sla?: Sla;
  timeline: TimelineEntry[];
  notices: { kind: string; title: string; href: string }[];
}

export interface Colleague { id: string; name: string; transfer: boolean }

export interface DepartmentGroups { code: string; name: string; approverGroup: string; headGroup: string }

export interface Consultation {
  id: number;
  caseNo: string;
  taskId: string;
  stepId: string;
  step: string;
  askedBy: string;
  group: string;
  question: string;
  workdays: number;
  askedAt: string;
  dueDate: string;
  state: 'OPEN' | 'OVERDUE' | 'ANSWERED';
  answeredBy: string | null;
  answer: string | null;
  answeredAt: string | null;
}

export interface CopyView {
  id: number;
  caseNo: string;
  taskId: string;
  step: string;
  from: string;
  recipient: string;
  recipientKind: string;
  note: string | null;
  createdAt: string;
  read: boolean;
  readAt: string | null;
}

export interface Phrase { id: number; text: string; createdAt: string }

export interface StepDone {
  caseNo: string;
  matterCode: string;
  matterName: string;
  stepId: string;
  step: string;
  decision: string | null;
  opinion: string | null;
  completedAt: string;
  caseStatus: string;
}

export interface TouchedCase {
  caseNo: string;
  matterCode: string;
  matterName: string;
  status: string;
  open: boolean;
  lastActedAt: string;
  completedAt: string | null;
}

export interface Page<T> { items: T[]; total: number; page: number; size: number }

export interface NotificationView {
  id: number;
  caseNo: string | null;
  addressee: string;
  kind: string;
  message: string;
  createdAt: string;
  read: boolean;
}

export interface RevealedApplicant {
  caseNo: string;
  type: string;
  name: string;
  idNumber: string;
  phone: string;
  revealedTo: string;
  revealedAt: string;
}
