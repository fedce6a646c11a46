// The case categories, kept on the phone: a report can be made offline with the list last seen.
import { ref } from 'vue';
import { answer, workflow } from '../api/client';

export interface Category {
  code: string;
  name: string;
}

const kept = 'platform.categories';
export const categories = ref<Category[]>(JSON.parse(localStorage.getItem(kept) ?? '[]') as Category[]);

export async function loadCategories(): Promise<void> {
  if (!navigator.onLine) return;
  try {
    const all = await answer(workflow.GET('/api/workflow/categories', {}));
    categories.value = all.filter((c) => c.active).map((c) => ({ code: c.code, name: c.name }));
    localStorage.setItem(kept, JSON.stringify(categories.value));
  } catch {
    // Offline or refused: the kept list stands.
  }
}
