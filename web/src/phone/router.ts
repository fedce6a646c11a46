import { createRouter, createWebHistory } from 'vue-router';
import { current, roles, signIn, signedIn } from '../auth/session';

/** Whether the signed-in person works in the field (grid staff and community staff) rather than reports. */
export function inTheField(): boolean {
  return roles(current.value).some((role) => role === 'grid-staff' || role === 'community-staff');
}

// The home screen is in the first download; every other screen loads when first opened.
export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/auth/callback', component: () => import('./views/CallbackView.vue'), meta: { public: true } },
    { path: '/sign-up', component: () => import('./views/SignUpView.vue'), meta: { public: true } },
    { path: '/', name: 'home', component: () => import('./views/HomeView.vue') },
    { path: '/report', name: 'report', component: () => import('./views/ReportView.vue') },
    { path: '/cases', name: 'cases', component: () => import('./views/CasesView.vue') },
    { path: '/cases/:id', name: 'case', component: () => import('./views/CaseView.vue'), props: true },
    { path: '/patrol', name: 'patrol', component: () => import('./views/PatrolView.vue') },
    { path: '/grids', name: 'grids', component: () => import('./views/GridsView.vue') },
    { path: '/visit', name: 'visit', component: () => import('./views/VisitView.vue') },
    { path: '/volunteer', name: 'volunteer', component: () => import('./views/VolunteerView.vue') },
    { path: '/wishes', name: 'wishes', component: () => import('./views/WishesView.vue') },
    { path: '/inbox', name: 'inbox', component: () => import('./views/InboxView.vue') },
    { path: '/me', name: 'me', component: () => import('./views/MeView.vue') },
  ],
});

router.beforeEach(async (to) => {
  if (to.meta.public || (await signedIn())) {
    return true;
  }

  await signIn(to.fullPath);
  return false;
});
