// One typed client per service, generated from its OpenAPI document (src/api/generated, never written by hand).
// Every request carries the signed-in person's token; every refusal arrives as the API's problem details.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as GridPaths } from './generated/grid';
import type { paths as OrganizationPaths } from './generated/organization';
import type { paths as VolunteerPaths } from './generated/volunteer';
import type { paths as WorkflowPaths } from './generated/workflow';
import { users } from '../auth/session';

const bearer: Middleware = {
  async onRequest({ request }) {
    const user = await users.getUser();
    if (user && !user.expired) {
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
