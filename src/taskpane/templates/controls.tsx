/** Small controls the 模板 tab's sections share. */
import { Button } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import type { ChangeEventHandler, Ref } from "react";
import { DOCUMENT_KINDS } from "../../documents/api";
import { useTemplatesStyles } from "./styles";
import type { Act } from "./useTask";

/** The document kinds as <option>s of a Select. */
export function KindOptions() {
  return (
    <>
      {DOCUMENT_KINDS.map((k) => (
        <option key={k} value={k}>
          {k}
        </option>
      ))}
    </>
  );
}

/** A file input that is never seen: a button opens it (ref.current.click()). */
export function HiddenFileInput(props: {
  ref: Ref<HTMLInputElement>;
  accept: string;
  onChange: ChangeEventHandler<HTMLInputElement>;
}) {
  const styles = useTemplatesStyles();
  return (
    <input
      ref={props.ref}
      type="file"
      accept={props.accept}
      className={styles.hidden}
      onChange={props.onChange}
    />
  );
}

/** The chosen file's name and bytes; clears the input so the same file can be chosen again. */
export async function readFileInput(
  input: HTMLInputElement | null,
): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  const file = input?.files?.[0];
  if (!file) return undefined;
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (input) input.value = "";
  return { name: file.name, bytes };
}

/** 下载 for one template: `save` fetches and saves it, under the tab's busy label. */
export function DownloadButton(props: {
  act: Act;
  busy: string | undefined;
  save: () => Promise<void>;
}) {
  return (
    <Button
      size="small"
      icon={<ArrowDownloadRegular />}
      disabled={!!props.busy}
      onClick={() =>
        props.act("正在下载……", async () => {
          await props.save();
          return undefined;
        })
      }
    >
      下载
    </Button>
  );
}
