// The grids a grid worker is posted to (their token's scope, as GET /api/organization/accounts/me states it),
// with names from the Grid service; kept on the phone so a visit can be logged offline.
import { ref } from 'vue';
import { answer, grid, organization } from '../api/client';

export interface MyGrid {
  id: string;
  code: string;
  name: string;
  households: number;
}

const kept = 'platform.grids';
export const myGrids = ref<MyGrid[]>(JSON.parse(localStorage.getItem(kept) ?? '[]') as MyGrid[]);

export async function loadMyGrids(): Promise<void> {
  if (!navigator.onLine) return;
  try {
    const me = await answer(organization.GET('/api/organization/accounts/me', {}));
    const grids = await Promise.all(me.grids.map((id) => answer(grid.GET('/api/grid/grids/{id}', { params: { path: { id } } }))));
    myGrids.value = grids.map((g) => ({ id: g.id, code: g.code, name: g.name, households: g.households ?? 0 }));
    localStorage.setItem(kept, JSON.stringify(myGrids.value));
  } catch {
    // Offline or refused: the kept list stands.
  }
}
