import { createRouter, createWebHistory } from 'vue-router';
import Login from './views/Login.vue';
import Shell from './views/Shell.vue';
import Tasks from './views/Tasks.vue';
import { session, whoAmI } from './session';

export const router = createRouter({
  history: createWebHistory('/workbench/'),
  routes: [
    { path: '/login', component: Login, meta: { title: '登录' } },
    {
      path: '/',
      component: Shell,
      children: [
        { path: '', component: Tasks, meta: { title: '待办' } },
        { path: 'done', component: () => import('./views/Done.vue'), meta: { title: '已办' } },
        { path: 'handled', component: () => import('./views/Touched.vue'), meta: { title: '我经手的' } },
        { path: 'copies', component: () => import('./views/Copies.vue'), meta: { title: '抄送我的' } },
        { path: 'consultations', component: () => import('./views/Consultations.vue'), meta: { title: '征求意见' } },
        { path: 'head', component: () => import('./views/Head.vue'), meta: { title: '部门总览' } },
        // the case view carries bpmn-js and form-js: its own chunk, loaded when a task is opened
        { path: 'tasks/:taskId', component: () => import('./views/TaskCase.vue'), props: true, meta: { title: '办理' } },
      ],
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach(async (to) => {
  if (to.path === '/login') return true;
  if (!session.me) {
    try {
      await whoAmI();
    } catch {
      return { path: '/login', query: { redirect: '/workbench' + to.fullPath } };
    }
  }
  return true;
});

router.afterEach((to) => {
  document.title = `${to.meta.title ?? '审批工作台'} · 审批工作台`;
});
