import type zh from './zh-CN';

// English: the same keys as zh-CN (the compiler checks it).
const en: typeof zh = {
  app: { title: 'Subdistrict governance platform', signOut: 'Sign out', signingIn: 'Signing in…', language: '中文' },
  nav: { cases: 'Cases', map: 'Map' },
  cases: {
    title: 'Cases',
    all: 'All',
    overdue: 'Overdue',
    overdueOnly: 'Overdue only',
    category: 'Category',
    number: 'Number',
    state: 'State',
    reportedAt: 'Reported',
    dueAt: 'Due',
    handler: 'Handler',
    empty: 'No cases match',
    from: 'From',
    to: 'To',
    period: 'Reported between',
    search: 'Search',
    open: 'Open',
    timeline: 'Timeline',
    actions: 'Actions',
    reason: 'Note',
    done: 'Done',
    location: 'Location',
    description: 'What was reported',
    reporters: 'Reported by',
    back: 'Back to the cases',
  },
  states: {
    Reported: 'Reported', Registered: 'Registered', Voided: 'Voided', Dispatched: 'Dispatched', Accepted: 'Accepted', Deferred: 'Deferred',
    Resolved: 'Resolved', Verified: 'Verified', Closed: 'Closed', Mediating: 'Mediating', Coordinating: 'Coordinating',
  },
  actions: {
    Register: 'Register', Void: 'Void', Dispatch: 'Dispatch', Return: 'Return', Accept: 'Accept', Resume: 'Resume', Escalate: 'Escalate',
    Resolve: 'Resolve', Reply: 'Reply', Verify: 'Verify', Close: 'Close', Progress: 'Record progress',
  },
  map: { title: 'Grid map', grids: 'Grids', cases: 'Open cases', households: 'Households', population: 'Population', type: 'Type', code: 'Grid code' },
  gridTypes: { Urban: 'Urban grid', Rural: 'Rural grid', Specialized: 'Specialized grid' },
};

export default en;
