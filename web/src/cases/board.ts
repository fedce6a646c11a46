// The case board's requests: its first page and the tabs' counts under the same filters. Entering the board asks
// for them at once (the route's guard), before the board's code has arrived and while the browser draws it; the
// board then takes that answer if its filters are still the ones asked for, so the first screen waits for one
// round trip at most instead of code, drawing and round trip one after the other.
import { answer, workflow } from '../api/client';
import type { CaseState, CaseSummary } from './cases';
import { localDays } from '../localTime';

export type Order = 'Newest' | 'Oldest' | 'DueSoonest';
export const handlerLevels = ['Grid', 'Community', 'Subdistrict', 'Department'] as const;

export interface BoardFilters {
  state: CaseState | 'all';
  category: string;
  communityId: string;
  gridId: string;
  handlerLevel: '' | (typeof handlerLevels)[number];
  department: string;
  overdue: boolean;
  /** Days picked on the calendar, 'YYYY-MM-DD', both included. */
  period: [string, string] | null;
  sort: Order;
}

export function defaultFilters(): BoardFilters {
  return { state: 'all', category: '', communityId: '', gridId: '', handlerLevel: '', department: '', overdue: false, period: null, sort: 'Newest' };
}

export const firstPageSize = 20;

export interface BoardPage {
  rows: CaseSummary[];
  total: number;
  counts: Record<string, number>;
}

// The filters the list and its counts share; the list adds the state, the order and the page.
function shared(filters: BoardFilters) {
  return {
    category: filters.category || undefined,
    communityId: filters.communityId || undefined,
    gridId: filters.gridId || undefined,
    handlerLevel: filters.handlerLevel || undefined,
    department: filters.department.trim() || undefined,
    overdue: filters.overdue || undefined,
    ...(filters.period ? localDays(filters.period[0], filters.period[1]) : {}),
  };
}

async function fetchPage(filters: BoardFilters, page: number, pageSize: number): Promise<BoardPage> {
  const state = filters.state === 'all' ? undefined : filters.state;
  const [listed, tabs] = await Promise.all([
    answer(workflow.GET('/api/workflow/cases', { params: { query: { ...shared(filters), state, sort: filters.sort, page, pageSize } } })),
    answer(workflow.GET('/api/workflow/cases/counts', { params: { query: shared(filters) } })),
  ]);
  return { rows: listed.items, total: listed.totalCount, counts: { ...tabs.byState, all: tabs.total } };
}

function keyOf(filters: BoardFilters, page: number, pageSize: number): string {
  return JSON.stringify([shared(filters), filters.state, filters.sort, page, pageSize]);
}

export interface Category {
  code: string;
  name: string;
}

async function fetchCategories(): Promise<Category[]> {
  const listed = await answer(workflow.GET('/api/workflow/categories', {}));
  return listed.map((c) => ({ code: c.code, name: c.name }));
}

// An answer asked for on entering is taken once, and only while fresh (entering, leaving before the board was
// drawn and coming back later asks again).
const freshFor = 10_000;
let early: { key: string; at: number; page: Promise<BoardPage>; categories: Promise<Category[]> } | null = null;

function quiet<T>(answer: Promise<T>): Promise<T> {
  answer.catch(() => undefined); // a refusal is shown when the board takes the answer
  return answer;
}

/** Asks for the board's first page under the default filters and the categories now (the route's guard, on entering). */
export function startBoard(): void {
  early = {
    key: keyOf(defaultFilters(), 1, firstPageSize),
    at: Date.now(),
    page: quiet(fetchPage(defaultFilters(), 1, firstPageSize)),
    categories: quiet(fetchCategories()),
  };
}

function takeEarly() {
  const started = early && Date.now() - early.at < freshFor ? early : null;
  return started;
}

/** A page of the board: the answer asked for on entering when it is this one, else a new request. */
export function boardPage(filters: BoardFilters, page: number, pageSize: number): Promise<BoardPage> {
  const started = takeEarly();
  if (started && started.key === keyOf(filters, page, pageSize)) {
    early = { ...started, key: '' };
    return started.page;
  }

  return fetchPage(filters, page, pageSize);
}

/** The case categories (names for the codes in the list, choices for its filter). */
export function boardCategories(): Promise<Category[]> {
  const started = takeEarly();
  return started ? started.categories : fetchCategories();
}
