/**
 * 放大预览 inside Excel: a dialog window (Office.context.ui.displayDialogAsync) showing
 * preview-dialog.html, to which the pane sends the rendered .docx with messageChild (DialogApi
 * 1.2). Without DialogApi 1.2 the port has no preview window and the pane enlarges the preview
 * in place.
 */
import type { OpenPreview, PreviewWindow } from "../ports/workbook";
import { OfficeAdapterError } from "./errors";
import {
  DIALOG_PAGE,
  documentMessages,
  parseMessage,
  type ToDialog,
  type ToPane,
} from "./preview-protocol";

interface OfficeGlobals {
  Office?: typeof Office;
}

const office = () => (globalThis as unknown as OfficeGlobals).Office;

/** messageChild is DialogApi 1.2. */
export function dialogApiSupported(): boolean {
  try {
    return office()?.context?.requirements?.isSetSupported("DialogApi", "1.2") === true;
  } catch {
    return false;
  }
}

/** Event names as Office.EventType spells them (read at call time: the fake host sets them). */
const EVENT = {
  message: "dialogMessageReceived",
  event: "dialogEventReceived",
} as const;

/** The preview window, or null when the host cannot message a dialog. */
export function officePreviewWindow(
  pageUrl: () => string = () => new URL(DIALOG_PAGE, document.baseURI).href,
): PreviewWindow | null {
  if (!dialogApiSupported()) return null;
  return {
    open(doc, events) {
      const ui = office()?.context?.ui;
      if (!ui) return Promise.reject(new OfficeAdapterError("无法打开预览窗口。", "DialogFailed"));
      const messages: ToDialog[] = documentMessages(doc.docx, doc.fileName);
      return new Promise<OpenPreview>((resolve, reject) => {
        let shown = false;
        let closed = false;
        const finish = (dialog: Office.Dialog) => {
          if (closed) return;
          closed = true;
          try {
            dialog.close();
          } catch {
            // Already gone.
          }
          events.onClosed();
        };
        ui.displayDialogAsync(
          pageUrl(),
          { height: 85, width: 70, displayInIframe: true, promptBeforeOpen: false },
          (result) => {
            if (String(result.status) !== "succeeded") {
              reject(
                new OfficeAdapterError(
                  `无法打开预览窗口：${result.error?.message ?? "Excel 未能打开对话框"}。可改用任务窗格中的预览。`,
                  "DialogFailed",
                  { cause: result.error },
                ),
              );
              return;
            }
            const dialog = result.value;
            const type = office()?.EventType;
            dialog.addEventHandler(
              (type?.DialogMessageReceived ?? EVENT.message) as Office.EventType,
              (arg: { message: string } | { error: number }) => {
                const message = "message" in arg ? parseMessage<ToPane>(arg.message) : undefined;
                if (!message) return;
                switch (message.type) {
                  case "ready":
                    for (const m of messages) dialog.messageChild(JSON.stringify(m));
                    break;
                  case "shown":
                    shown = true;
                    resolve({ pages: message.pages, close: () => finish(dialog) });
                    break;
                  case "failed":
                    finish(dialog);
                    if (!shown) reject(new OfficeAdapterError(message.message, "DialogFailed"));
                    break;
                  case "save":
                    events.onSave();
                    break;
                  case "close":
                    finish(dialog);
                    break;
                }
              },
            );
            // The user closed the window (12006) or it could not load its page.
            dialog.addEventHandler(
              (type?.DialogEventReceived ?? EVENT.event) as Office.EventType,
              () => {
                if (!shown) reject(new OfficeAdapterError("预览窗口已关闭。", "DialogClosed"));
                if (!closed) {
                  closed = true;
                  events.onClosed();
                }
              },
            );
          },
        );
      });
    },
  };
}
