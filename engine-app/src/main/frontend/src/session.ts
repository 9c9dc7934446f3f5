import { reactive } from 'vue';
import { csrfToken, get, request } from './api';
import type { Me } from './types';

/** Who is logged in; null before the first check or after logout. */
export const session = reactive<{ me: Me | null }>({ me: null });

export async function whoAmI(): Promise<Me> {
  session.me = await get<Me>('/api/workbench/me');
  return session.me;
}

export async function login(username: string, password: string) {
  // the login page's load set the CSRF cookie; the token rides in the header like every change
  if (!csrfToken()) {
    await fetch('/workbench/login', { credentials: 'same-origin' });
  }
  await request('POST', '/workbench/login', undefined, new URLSearchParams({ username, password }));
  return whoAmI();
}

export async function logout() {
  await request('POST', '/workbench/logout');
  session.me = null;
}
