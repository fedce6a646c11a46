// One typed client per service, generated from its OpenAPI document (src/api/generated, never written by hand).
// Every request carries the signed-in person's token; every refusal arrives as the API's problem details.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as GridPaths } from './generated/grid';
import type { paths as OrganizationPaths } from './generated/organization';
import type { paths as VolunteerPaths } from './generated/volunteer';
import type { paths as WorkflowPaths } from './generated/workflow';
import { freshUser } from '../auth/session';

const bearer: Middleware = {
  async onRequest({ request }) {
    const user = await freshUser();
    if (user) {
      request.headers.set('Authorization', `Bearer ${user.access_token}`);
    }
    return request;
  },
};

function client<Paths extends {}>() {
  const created = createClient<Paths>({ baseUrl: window.location.origin });
  created.use(bearer);
  return created;
}

export const grid = client<GridPaths>();
export const organization = client<OrganizationPaths>();
export const volunteer = client<VolunteerPaths>();
export const workflow = client<WorkflowPaths>();

/** A refusal as the API states it (RFC 9457): what a person reads and what a program switches on. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    title: string,
  ) {
    super(title);
  }
}

/** The answer's data, or the API's problem thrown with its own words. */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) {
    return data as T;
  }

  const problem = (error ?? {}) as { title?: string; code?: string; detail?: string };
  throw new ApiProblem(response.status, problem.code, problem.title ?? `${response.status} ${response.statusText}`);
}

/** The signed-in person's token for a request openapi-fetch does not make (an image, a file body). */
async function authorization(): Promise<Record<string, string>> {
  const user = await freshUser();
  return user ? { Authorization: `Bearer ${user.access_token}` } : {};
}

/**
 * An image the API serves behind the token, as an address an <img> can show: images are fetched with the
 * token and kept as object URLs (release them with URL.revokeObjectURL when the screen closes).
 */
export async function imageUrl(path: string): Promise<string> {
  const response = await fetch(path, { headers: await authorization() });
  if (!response.ok) {
    throw new ApiProblem(response.status, undefined, `${response.status} ${response.statusText}`);
  }

  return URL.createObjectURL(await response.blob());
}

/** Sends a file as the request's body (the API judges its type by its content); the answer's JSON, or its problem. */
export async function upload<T>(path: string, file: Blob): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    body: file,
    headers: { ...(await authorization()), 'Content-Type': file.type || 'application/octet-stream' },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiProblem(response.status, body.code, body.title ?? `${response.status} ${response.statusText}`);
  }

  return body as T;
}
