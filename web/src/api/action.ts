// What every screen's buttons share: one action at a time, the API's refusal in its own words, a word when done.
import { ref } from 'vue';

export function useAction() {
  const busy = ref(false);
  const problem = ref<string | null>(null);
  const notice = ref<string | null>(null);

  /** Runs the work; a refusal (ApiProblem or any error) becomes the problem shown, success the notice. */
  async function attempt<T>(work: () => Promise<T>, done?: string): Promise<T | undefined> {
    busy.value = true;
    problem.value = null;
    notice.value = null;
    try {
      const result = await work();
      if (done) notice.value = done;
      return result;
    } catch (error) {
      problem.value = error instanceof Error ? error.message : String(error);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  return { busy, problem, notice, attempt };
}
