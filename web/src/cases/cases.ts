// What the board and a case's page share: the states in the order work flows, and the actions a page offers.
import type { components } from '../api/generated/workflow';
import { answer, workflow } from '../api/client';
import { localDateTime } from '../localTime';

export type CaseState = components['schemas']['CaseState'];
export type CaseSummary = components['schemas']['CaseSummary'];
export type CaseDetails = components['schemas']['CaseResponse'];
export type CaseStep = components['schemas']['CaseStepResponse'];

export const boardStates: CaseState[] = [
  'Reported',
  'Registered',
  'Dispatched',
  'Accepted',
  'Deferred',
  'Resolved',
  'Verified',
  'Mediating',
  'Coordinating',
  'Closed',
  'Voided',
];

/** An action a case's page offers, and whether it asks for words (a reason, a reply, a note). */
export interface CaseActionForm {
  action: string;
  text: 'reason' | 'text' | 'note' | null;
}

export const pageActions: Record<string, CaseActionForm> = {
  Register: { action: 'Register', text: null },
  Dispatch: { action: 'Dispatch', text: null },
  Accept: { action: 'Accept', text: null },
  Resume: { action: 'Resume', text: null },
  Return: { action: 'Return', text: 'reason' },
  Void: { action: 'Void', text: 'reason' },
  Escalate: { action: 'Escalate', text: 'reason' },
  Resolve: { action: 'Resolve', text: 'text' },
  Reply: { action: 'Reply', text: 'text' },
  Verify: { action: 'Verify', text: 'note' },
  Close: { action: 'Close', text: null },
};

/** Carries out an action on a case; the API refuses with its problem's words (see ApiProblem). */
export function act(id: string, action: string, words: string): Promise<CaseDetails> {
  const path = { params: { path: { id } } };
  switch (action) {
    case 'Register':
      return answer(workflow.POST('/api/workflow/cases/{id}/register', { ...path, body: {} }));
    case 'Dispatch':
      // No level named: the routing rules decide (their preview is the case's page).
      return answer(workflow.POST('/api/workflow/cases/{id}/dispatch', { ...path, body: {} }));
    case 'Accept':
      return answer(workflow.POST('/api/workflow/cases/{id}/accept', path));
    case 'Resume':
      return answer(workflow.POST('/api/workflow/cases/{id}/resume', path));
    case 'Close':
      return answer(workflow.POST('/api/workflow/cases/{id}/close', path));
    case 'Return':
      return answer(workflow.POST('/api/workflow/cases/{id}/return', { ...path, body: { reason: words } }));
    case 'Void':
      return answer(workflow.POST('/api/workflow/cases/{id}/void', { ...path, body: { reason: words } }));
    case 'Escalate':
      return answer(workflow.POST('/api/workflow/cases/{id}/escalate', { ...path, body: { reason: words } }));
    case 'Resolve':
      return answer(workflow.POST('/api/workflow/cases/{id}/resolve', { ...path, body: { text: words } }));
    case 'Reply':
      return answer(workflow.POST('/api/workflow/cases/{id}/reply', { ...path, body: { text: words } }));
    case 'Verify':
      return answer(workflow.POST('/api/workflow/cases/{id}/verification', { ...path, body: { passed: true, note: words || null } }));
    default:
      return Promise.reject(new Error(`No page for ${action}`));
  }
}

/** A UTC instant from the API, shown in the subdistrict's local time. */
export function local(instant: string | null | undefined): string {
  return instant ? localDateTime(instant, 'zh-CN') : '';
}
