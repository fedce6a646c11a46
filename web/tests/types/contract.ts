// What a client written against the generated types relies on, checked by tsc --strict: enumerations are unions of
// their names, answers carry their required fields, errors are problem details, and instants are strings.
import type { components as Grid, paths as GridPaths } from '../../src/api/generated/grid';
import type { components as Organization } from '../../src/api/generated/organization';
import type { components as Volunteer, operations as VolunteerOperations } from '../../src/api/generated/volunteer';
import type { components as Workflow, paths as WorkflowPaths } from '../../src/api/generated/workflow';

type CaseState = Workflow['schemas']['CaseState'];
export const closed: CaseState = 'Closed';

type Hours = Volunteer['schemas']['HoursResponse'];
export const approved: Hours['status'] = 'Approved';
export function hoursOf(record: Hours): number {
  return record.hours;
}

type HoursFilter = NonNullable<VolunteerOperations['ListServiceHours']['parameters']['query']>;
export const pendingOnly: HoursFilter = { status: 'Pending', page: 1, pageSize: 50 };

type Problem = Workflow['schemas']['ProblemDetails'];
export function explain(problem: Problem): string {
  return `${problem.status} ${problem.code}: ${problem.title}`;
}

type CaseList = WorkflowPaths['/api/workflow/cases']['get']['responses']['200']['content']['application/json'];
export function numbers(page: CaseList): string[] {
  return page.items.map((c) => c.number);
}

type Refused = WorkflowPaths['/api/workflow/cases']['post']['responses']['400']['content']['application/problem+json'];
export const refused: Refused['code'] = 'invalid-text';

type Report = Workflow['schemas']['CaseIntakeRequest'];
export const report: Report = { category: 'garbage', channel: 'Resident', latitude: 37.387, longitude: 97.342 };

type GridType = Grid['schemas']['GridType'];
export const urban: GridType = 'Urban';
type Lookup = GridPaths['/api/grid/lookup/point']['get']['parameters']['query'];
export const at: Lookup = { latitude: 37.387, longitude: 97.342 };

type Person = Organization['schemas']['PersonResponse'];
export function memberType(person: Person): string | null {
  return person.memberType ?? null;
}
