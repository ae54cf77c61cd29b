/**
 * 发布到模板库: publish an embedded template or a local .docx under the department's token.
 * The form is this section's own; the token and the publishing are the library hook's.
 */
import { Button, Checkbox, Field, Input, Select, Subtitle2 } from "@fluentui/react-components";
import { BoxArrowUpRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import type { DocumentKind } from "../../documents/api";
import { HiddenFileInput, KindOptions, readFileInput } from "./controls";
import { useTemplatesStyles } from "./styles";
import type { SectionProps } from "./useTask";
import type { TemplateLibrary } from "./useTemplateLibrary";

/** The select's value for "a local file" (embedded templates are listed by name). */
const FROM_FILE = "file";

export function PublishSection(props: SectionProps & { readonly library: TemplateLibrary }) {
  const styles = useTemplatesStyles();
  const { act, busy } = props;
  const { embedded } = props.templates;
  const lib = props.library;
  const [source, setSource] = useState("");
  const [name, setName] = useState("");
  const [kind, setKind] = useState<DocumentKind>("报告");
  const [note, setNote] = useState("");
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);

  const sourceBytes = (): { bytes: Uint8Array; fallbackName: string } | undefined => {
    if (source === FROM_FILE)
      return file && { bytes: file.bytes, fallbackName: file.name.replace(/\.docx$/i, "") };
    const t = embedded.find((e) => e.name === source);
    return t && { bytes: t.docx, fallbackName: t.name };
  };

  return (
    <section className={styles.section} aria-label="发布到模板库">
      <Subtitle2>发布到模板库</Subtitle2>
      <div className={styles.row}>
        <Field label="要发布的模板" className={styles.grow}>
          <Select
            value={source}
            onChange={(_, d) => {
              setSource(d.value);
              const t = embedded.find((e) => e.name === d.value);
              if (t) {
                setName(t.name);
                setKind(t.kind);
              }
              if (d.value === FROM_FILE) fileInput.current?.click();
            }}
          >
            <option value="">请选择</option>
            {embedded.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}（{t.kind}）
              </option>
            ))}
            <option value={FROM_FILE}>{file ? `本机文件：${file.name}` : "本机文件……"}</option>
          </Select>
        </Field>
        <HiddenFileInput
          ref={fileInput}
          accept=".docx"
          onChange={async () => {
            const chosen = await readFileInput(fileInput.current);
            if (chosen) {
              setFile(chosen);
              setName((n) => n || chosen.name.replace(/\.docx$/i, ""));
            }
          }}
        />
      </div>
      <div className={styles.row}>
        <Field label="名称" className={styles.grow}>
          <Input value={name} maxLength={64} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field label="类型">
          <Select value={kind} onChange={(_, d) => setKind(d.value as DocumentKind)}>
            <KindOptions />
          </Select>
        </Field>
      </div>
      <Field label="本版说明">
        <Input value={note} maxLength={500} onChange={(_, d) => setNote(d.value)} />
      </Field>
      <Field label="部门发布令牌" hint="由模板库管理员签发；只保存在本机浏览器中，不会写入工作簿。">
        <Input
          type="password"
          value={lib.token}
          onChange={(_, d) => lib.setToken(d.value)}
          autoComplete="off"
        />
      </Field>
      <Checkbox
        checked={lib.rememberToken}
        onChange={(_, d) => lib.setRememberToken(d.checked === true)}
        label="在本机记住令牌"
      />
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<BoxArrowUpRegular />}
          disabled={!!busy || !source || !name.trim()}
          onClick={() =>
            act("正在检查并发布……", async () => {
              const picked = sourceBytes();
              if (!picked) throw new Error("请选择要发布的模板。");
              const v = await lib.publish({
                name: name.trim() || picked.fallbackName,
                kind,
                docx: picked.bytes,
                ...(note.trim() ? { note: note.trim() } : {}),
              });
              return `已发布“${v.name}”第 ${v.version} 版。`;
            })
          }
        >
          发布
        </Button>
      </div>
    </section>
  );
}
