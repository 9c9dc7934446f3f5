import { reactive } from 'vue';
import { get } from './api';
import type { TaskView } from './types';

/**
 * The person's open tasks (theirs and their groups'), most urgent first as the API orders them.
 * Polled every 30 s while the workbench is open, so the count in the menu stays live.
 */
export const taskStore = reactive<{ items: TaskView[]; loading: boolean; error: string; loadedAt: Date | null }>({
  items: [], loading: false, error: '', loadedAt: null,
});

export async function refreshTasks() {
  taskStore.loading = true;
  try {
    taskStore.items = await get<TaskView[]>('/api/tasks?limit=500');
    taskStore.error = '';
    taskStore.loadedAt = new Date();
  } catch (e) {
    taskStore.error = (e as Error).message;
  } finally {
    taskStore.loading = false;
  }
}

let timer: number | undefined;

export function pollTasks() {
  if (timer === undefined) {
    refreshTasks();
    timer = window.setInterval(refreshTasks, 30_000);
  }
}

export function stopPolling() {
  window.clearInterval(timer);
  timer = undefined;
}
