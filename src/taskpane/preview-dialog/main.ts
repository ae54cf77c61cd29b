/**
 * preview-dialog.html's entry: the page Excel opens for 放大预览. It draws the document the pane
 * sends (src/office/preview-dialog-child.ts) with the pane's sanitised renderer, says how many
 * pages it has, and passes 保存 and 关闭 back to the pane (which saves the file). No React: the
 * page is small and opens fast.
 */
import { connectToPane, type DialogConnection } from "../../office/preview-dialog-child";
import { renderSafePreview } from "../preview/safe-preview";

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const status = byId("status");
const save = byId("save") as HTMLButtonElement;
const close = byId("close") as HTMLButtonElement;
let pane: DialogConnection | undefined;

save.addEventListener("click", () => pane?.send({ type: "save" }));
close.addEventListener("click", () => pane?.send({ type: "close" }));

connectToPane(async (doc, connection) => {
  pane = connection;
  byId("title").textContent = doc.fileName;
  status.textContent = "正在生成预览……";
  try {
    const target = byId("preview");
    await renderSafePreview(doc.docx, target);
    const pages = target.querySelectorAll("section.docx").length;
    byId("pages").textContent = `共 ${pages} 页`;
    status.textContent = "";
    status.hidden = true;
    save.disabled = false;
    save.focus();
    connection.send({ type: "shown", pages });
  } catch (error) {
    const message = `无法预览文档：${error instanceof Error ? error.message : String(error)}`;
    status.textContent = message;
    connection.send({ type: "failed", message });
  }
})
  .then((connection) => {
    pane = connection;
  })
  .catch((error: unknown) => {
    status.textContent = error instanceof Error ? error.message : String(error);
  });
