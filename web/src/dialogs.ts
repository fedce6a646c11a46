// Element Plus's message boxes are opened outside the page's component tree, so they do not see its locale:
// their buttons are named here, in the console's language.
import { ElMessageBox, type ElMessageBoxOptions } from 'element-plus';
import { i18n } from './i18n';

function buttons(): ElMessageBoxOptions {
  const t = i18n.global.t;
  return { confirmButtonText: t('app.ok'), cancelButtonText: t('app.cancel') };
}

/** Asks for a line of text; the answer, or null when the person cancels. */
export function prompt(message: string, title: string, options: ElMessageBoxOptions = {}): Promise<string | null> {
  return ElMessageBox.prompt(message, title, { ...buttons(), ...options })
    .then((r) => r.value)
    .catch(() => null);
}

/** Asks to confirm; true only when the person confirms. */
export function confirm(message: string, title: string, options: ElMessageBoxOptions = {}): Promise<boolean> {
  return ElMessageBox.confirm(message, title, { ...buttons(), ...options })
    .then(() => true)
    .catch(() => false);
}
