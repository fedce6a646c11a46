// The phone app (web/m/index.html, served at /m/): grid staff in the field and residents, installable, and
// working through a bad connection (outbox.ts), with a live inbox (inbox.ts).
import { createApp } from 'vue';
import PhoneApp from './PhoneApp.vue';
import { router } from './router';
import { vant } from './vant';
import { startOutbox } from './outbox';
import './phone.css';

createApp(PhoneApp).use(router).use(vant).mount('#app');
startOutbox();

// The service worker keeps the app's files: a cached app opens without a network.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  void navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' });
}
