// What the console offers a person: an operation whose roles (the API's x-roles, generated into api/generated/roles.ts)
// include one of theirs. The API still decides, by role and by scope, and its refusal is shown in its words.
import { operationRoles, type Operation } from '../api/generated/roles';
import { current, roles } from './session';

export type { Operation };

/** Whether the signed-in person's roles admit the operation ('METHOD /path', as the API documents name it). */
export function may(operation: Operation): boolean {
  const admitted: readonly string[] = operationRoles[operation];
  return roles(current.value).some((role) => admitted.includes(role));
}
