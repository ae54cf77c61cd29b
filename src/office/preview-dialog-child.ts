/**
 * The dialog side of 放大预览 (preview-dialog.html): waits for Office, listens for the pane's
 * messages (DialogParentMessageReceived, DialogApi 1.2), assembles the .docx and hands it to the
 * page; the page answers through `send`.
 */
import { fromBase64 } from "./base64";
import { parseMessage, type ToDialog, type ToPane } from "./preview-protocol";

export interface DialogConnection {
  send(message: ToPane): void;
}

export async function connectToPane(
  onDocument: (doc: { docx: Uint8Array; fileName: string }, pane: DialogConnection) => void,
): Promise<DialogConnection> {
  const office = (globalThis as unknown as { Office?: typeof Office }).Office;
  if (!office) throw new Error("此页面只能由 Excel 中的整改台账助手打开。");
  await office.onReady();
  const ui = office.context.ui;
  const pane: DialogConnection = { send: (m) => ui.messageParent(JSON.stringify(m)) };
  let fileName = "";
  let parts: string[] = [];
  let expected = 0;
  await new Promise<void>((resolve, reject) => {
    ui.addHandlerAsync(
      (office.EventType?.DialogParentMessageReceived ??
        "dialogParentMessageReceived") as Office.EventType.DialogParentMessageReceived,
      (arg: { message: string }) => {
        const message = parseMessage<ToDialog>(arg.message);
        if (!message) return;
        if (message.type === "start") {
          fileName = message.fileName;
          expected = message.chunks;
          parts = [];
        } else {
          parts[message.index] = message.data;
          if (parts.filter((p) => p !== undefined).length === expected) {
            onDocument({ docx: fromBase64(parts.join("")), fileName }, pane);
          }
        }
      },
      (result) => {
        if (String(result.status) === "succeeded") resolve();
        else reject(new Error(result.error?.message ?? "无法接收任务窗格的消息。"));
      },
    );
  });
  pane.send({ type: "ready" });
  return pane;
}
