/**
 * The preview harness page of tests/browser/hostile-templates.test.ts (bundled with esbuild and
 * served by the real server, so under its Content-Security-Policy): the pane's safe preview,
 * and for comparison docx-preview as it renders by default.
 */
import { renderAsync } from "docx-preview";
import { renderSafePreview } from "../../src/taskpane/preview/safe-preview";

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

function freshContainer(id: string): HTMLElement {
  document.getElementById(id)?.remove();
  const el = document.createElement("div");
  el.id = id;
  document.body.appendChild(el);
  return el;
}

const harness = {
  async safe(base64: string, id: string): Promise<void> {
    await renderSafePreview(bytesOf(base64), freshContainer(id));
  },
  async raw(base64: string, id: string): Promise<void> {
    await renderAsync(bytesOf(base64), freshContainer(id));
  },
};

(globalThis as unknown as { zgPreview: typeof harness }).zgPreview = harness;
