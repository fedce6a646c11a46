import { createRouter, createWebHistory } from 'vue-router';
import { signIn, signedIn } from './auth/session';
import { startBoard } from './cases/board';

// Screens load when first opened: the map's library is not in the first screen's download.
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/auth/callback', component: () => import('./auth/CallbackView.vue'), meta: { public: true } },
    {
      path: '/',
      component: () => import('./layout/ConsoleLayout.vue'),
      children: [
        { path: '', redirect: '/cases' },
        // The board's first page is asked for on entering, while its code loads and it is drawn (cases/board.ts).
        { path: 'cases', name: 'cases', component: () => import('./cases/CaseBoard.vue'), beforeEnter: startBoard },
        { path: 'cases/:id', name: 'case', component: () => import('./cases/CaseDetail.vue'), props: true },
        { path: 'approvals', name: 'approvals', component: () => import('./cases/ApprovalQueue.vue') },
        { path: 'map', name: 'map', component: () => import('./map/GridMap.vue') },
        { path: 'organization', name: 'organization', component: () => import('./organization/OrganizationSection.vue') },
        { path: 'volunteers', name: 'volunteers', component: () => import('./volunteer/VolunteerSection.vue') },
        { path: 'imports', name: 'imports', component: () => import('./imports/ImportsView.vue') },
        { path: 'assessment', name: 'assessment', component: () => import('./assessment/AssessmentView.vue') },
      ],
    },
  ],
});

// Every screen but the sign-in callback needs a signed-in person; without one, the sign-in page, then back here.
router.beforeEach(async (to) => {
  if (to.meta.public || (await signedIn())) {
    return true;
  }

  await signIn(to.fullPath);
  return false;
});
