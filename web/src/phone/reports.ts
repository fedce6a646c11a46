// A report from the phone (a resident's, or grid staff's patrol finding): its photos uploaded first, then the
// report naming them, all through the outbox, so it is filed once however often the network fails.
import { categories } from './categories';
import { enqueue } from './outbox';

export interface NewReport {
  category: string;
  description: string;
  latitude: number;
  longitude: number;
  channel?: 'GridPatrol';
}

export function categoryName(code: string): string {
  return categories.value.find((c) => c.code === code)?.name ?? code;
}

export async function fileReport(label: string, photos: File[], report: NewReport): Promise<void> {
  await enqueue(`${label} · ${categoryName(report.category)}`, [
    ...photos.map((photo) => ({ path: '/api/workflow/photos', photo })),
    { path: '/api/workflow/cases', json: { ...report }, photoIdsFrom: photos.map((_, i) => i) },
  ]);
}
