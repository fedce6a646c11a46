// The signed-in person: OpenID Connect's authorization code flow with PKCE against the Organization service,
// through the gateway (same origin), with refresh tokens; the password grant is for scripts and tests only.
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { ref } from 'vue';

const origin = window.location.origin;
/** The phone app lives under /m/ (its own entry, web/m/index.html); the desk console at the root. */
export const isPhoneApp = /^\/m(\/|$)/.test(window.location.pathname);
const base = isPhoneApp ? '/m/' : '/';

export const users = new UserManager({
  authority: `${origin}/`,
  client_id: 'platform-app',
  redirect_uri: `${origin}${base}auth/callback`,
  post_logout_redirect_uri: `${origin}${base}`,
  response_type: 'code',
  scope: 'openid offline_access roles platform-api',
  automaticSilentRenew: true,
  // The console: a tab's session ends with the tab; another tab signs in again without a password while the
  // sign-in session lasts. The phone app stays signed in between openings (its refresh token renews it), as apps do.
  userStore: new WebStorageStateStore({ store: isPhoneApp ? window.localStorage : window.sessionStorage }),
});

export const current = ref<User | null>(null);

users.events.addUserLoaded((user) => {
  current.value = user;
});
users.events.addUserUnloaded(() => {
  current.value = null;
});
users.events.addSilentRenewError(() => void users.removeUser());

export async function signedIn(): Promise<User | null> {
  const user = await users.getUser();
  // Offline, an expired token is still who this is: the app opens, and what is done waits to be sent after renewal.
  current.value = user && (!user.expired || !navigator.onLine) ? user : null;
  return current.value;
}

/** A token for a request now: renewed with the refresh token when it has expired. */
export async function freshUser(): Promise<User | null> {
  const user = await users.getUser();
  if (user && user.expired && user.refresh_token && navigator.onLine) {
    try {
      return await users.signinSilent();
    } catch {
      return null;
    }
  }

  return user && !user.expired ? user : null;
}

/** Off to the sign-in page. Its address comes from the server's OpenID metadata: asked again a few times if the network fails. */
export async function signIn(returnTo: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await users.signinRedirect({ state: returnTo });
    } catch (error) {
      if (attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
}

/** Back from the sign-in page: the code becomes tokens; answers where the person was going. */
export async function completeSignIn(): Promise<string> {
  const user = await users.signinRedirectCallback();
  current.value = user;
  return typeof user.state === 'string' && user.state.startsWith('/') ? user.state : '/';
}

export async function signOut(): Promise<void> {
  const user = await users.getUser();
  await users.removeUser();
  await users.signoutRedirect({ id_token_hint: user?.id_token });
}

/** The roles the token carries (the id token's role claim: one or several). */
export function roles(user: User | null): string[] {
  const role = user?.profile['role'];
  return Array.isArray(role) ? role.map(String) : role ? [String(role)] : [];
}
