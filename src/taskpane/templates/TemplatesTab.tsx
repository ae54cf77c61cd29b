/**
 * 模板 tab: built-in, workbook-embedded and library templates side by side; pull a library
 * template into the workbook, import/export a template pack, publish a template to the library.
 *
 * Mounting (App.tsx does it through import.meta.glob):
 *
 *   <TemplatesTab port={port} host={host} />
 *
 * Props
 *   port        the WorkbookPort, or undefined before a workbook is open. Embedding needs
 *               port.embedded (the Excel adapter); without it the tab offers downloads
 *               instead.
 *   host        HostInfo (only used to word messages for the standalone page).
 *   libraryUrl  optional: the library server; default the URL this user saved last, else the
 *               pane's own origin (the server serves the library under /api/library).
 *   fetchImpl   optional: fetch for the library client (tests).
 *
 * The department's publish token is kept per user in localStorage (zhenggai.library.token),
 * never in the workbook.
 */

import {
  Badge,
  Button,
  Checkbox,
  Divider,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownloadRegular,
  ArrowSyncRegular,
  ArrowUploadRegular,
  BoxArrowUpRegular,
  DeleteRegular,
  DocumentAddRegular,
} from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { chineseLocalDate, todayLocal } from "../../core/dates";
import { DOCUMENT_KINDS, DOCX_MIME, type DocumentKind } from "../../documents/api";
import { LibraryApiError, LibraryClient, type TemplateSummary } from "../../library/client";
import type { EmbeddedTemplate, WorkbookPort } from "../../ports/workbook";
import { saveBlob } from "../download";
import { describeError, isConnectionFailure, SERVER_STOPPED } from "../errors";
import type { HostInfo } from "../host";
import {
  embedFile,
  exportWorkbookPack,
  importPackIntoWorkbook,
  LIBRARY_TOKEN_KEY,
  LIBRARY_URL_KEY,
  publishTemplate,
  pullIntoWorkbook,
} from "./actions";

export interface TemplatesTabProps {
  readonly port: WorkbookPort | undefined;
  readonly host: HostInfo;
  readonly libraryUrl?: string;
  readonly fetchImpl?: typeof fetch;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS },
  hidden: { display: "none" },
  // Narrow panes (and 200 % zoom): one card per template, each value under its label, so names
  // do not wrap a character per line and the buttons are not cut off.
  cards: {
    "@media (max-width: 560px)": {
      display: "block",
      "& thead": { display: "none" },
      "& tbody": { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
      "& tr": {
        display: "flex",
        flexWrap: "wrap",
        alignItems: "center",
        columnGap: tokens.spacingHorizontalM,
        rowGap: tokens.spacingVerticalXXS,
        padding: tokens.spacingVerticalS,
        border: `1px solid ${tokens.colorNeutralStroke2}`,
        borderRadius: tokens.borderRadiusMedium,
        backgroundColor: tokens.colorNeutralBackground1,
      },
      "& td": { display: "flex", height: "auto", minHeight: 0, padding: 0, minWidth: 0 },
      "& td:first-child": { flexBasis: "100%", fontWeight: tokens.fontWeightSemibold },
      "& td:first-child, & td:first-child *": { overflowWrap: "anywhere" },
      "& td:last-child": { flexBasis: "100%", justifyContent: "flex-start" },
      "& td[data-label]:not(:first-child)::before": {
        content: "attr(data-label) '：'",
        color: tokens.colorNeutralForeground3,
      },
    },
  },
});

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled (private mode, policy)
  }
};

const messageOf = (e: unknown): string => {
  // The pane's own server is the library: "Failed to fetch" there means it has stopped.
  if (e instanceof LibraryApiError && e.code === "network" && isConnectionFailure(e))
    return SERVER_STOPPED;
  if (e instanceof LibraryApiError)
    return [e.message, ...e.details.map((d) => `· ${d}`)].join("\n");
  return describeError(e);
};

async function readFileInput(
  input: HTMLInputElement | null,
): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  const file = input?.files?.[0];
  if (!file) return undefined;
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (input) input.value = "";
  return { name: file.name, bytes };
}

const date = (iso: string | undefined) => chineseLocalDate(iso);

type Notice = { intent: "success" | "error" | "info"; text: string };

export default function TemplatesTab({ port, host, libraryUrl, fetchImpl }: TemplatesTabProps) {
  const styles = useStyles();
  const [notice, setNotice] = useState<Notice | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const [embedded, setEmbedded] = useState<EmbeddedTemplate[]>([]);
  const [url, setUrl] = useState(
    () => libraryUrl ?? storage()?.getItem(LIBRARY_URL_KEY) ?? globalThis.location?.origin ?? "",
  );
  const [library, setLibrary] = useState<TemplateSummary[] | undefined>();
  const [kindFilter, setKindFilter] = useState<"" | DocumentKind>("");
  const [query, setQuery] = useState("");
  const [token, setToken] = useState(() => storage()?.getItem(LIBRARY_TOKEN_KEY) ?? "");
  const [rememberToken, setRememberToken] = useState(() => !!storage()?.getItem(LIBRARY_TOKEN_KEY));
  const [takeProfile, setTakeProfile] = useState(false);
  const [fileKind, setFileKind] = useState<DocumentKind>("报告");
  const [publishSource, setPublishSource] = useState("");
  const [publishName, setPublishName] = useState("");
  const [publishKind, setPublishKind] = useState<DocumentKind>("报告");
  const [publishNote, setPublishNote] = useState("");
  const packInput = useRef<HTMLInputElement>(null);
  const docxInput = useRef<HTMLInputElement>(null);
  const publishFileInput = useRef<HTMLInputElement>(null);
  const [publishFile, setPublishFile] = useState<{ name: string; bytes: Uint8Array } | undefined>();

  const client = useMemo(() => new LibraryClient(url || "/", fetchImpl), [url, fetchImpl]);
  const store = port?.embedded;
  const canEmbed = !!store;

  /** Runs one action with a busy label; its message (or error) goes to the message bar. */
  const act = useCallback(async (label: string, action: () => Promise<string | undefined>) => {
    setBusy(label);
    setNotice(undefined);
    try {
      const done = await action();
      if (done) setNotice({ intent: "success", text: done });
    } catch (e) {
      setNotice({ intent: "error", text: messageOf(e) });
    } finally {
      setBusy(undefined);
    }
  }, []);

  const refreshEmbedded = useCallback(async () => {
    setEmbedded((await store?.list()) ?? []);
  }, [store]);

  const refreshLibrary = useCallback(async () => {
    const list = await client.listTemplates({
      ...(kindFilter ? { kind: kindFilter } : {}),
      ...(query.trim() ? { q: query.trim() } : {}),
    });
    setLibrary(list);
    storage()?.setItem(LIBRARY_URL_KEY, url);
  }, [client, kindFilter, query, url]);

  useEffect(() => {
    void refreshEmbedded().catch((e) => setNotice({ intent: "error", text: messageOf(e) }));
  }, [refreshEmbedded]);

  const saveToken = (value: string, remember: boolean) => {
    setToken(value);
    if (remember) storage()?.setItem(LIBRARY_TOKEN_KEY, value);
    else storage()?.removeItem(LIBRARY_TOKEN_KEY);
  };

  const builtIn = async (kind: DocumentKind): Promise<Uint8Array> => {
    const response = await fetch(
      new URL(`templates/${encodeURIComponent(kind)}.docx`, document.baseURI),
    );
    if (!response.ok) throw new Error(`无法取得内置${kind}模板（HTTP ${response.status}）。`);
    return new Uint8Array(await response.arrayBuffer());
  };

  const publishBytes = (): { bytes: Uint8Array; fallbackName: string } | undefined => {
    if (publishSource === "file")
      return (
        publishFile && {
          bytes: publishFile.bytes,
          fallbackName: publishFile.name.replace(/\.docx$/i, ""),
        }
      );
    const t = embedded.find((e) => e.name === publishSource);
    return t && { bytes: t.docx, fallbackName: t.name };
  };

  return (
    <div className={styles.root}>
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody style={{ whiteSpace: "pre-line" }}>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="tiny" label={busy} labelPosition="after" />}

      <section className={styles.section} aria-label="本工作簿的模板">
        <Subtitle2>本工作簿的模板</Subtitle2>
        {!port ? (
          <Text className={styles.muted}>请先打开台账。</Text>
        ) : !canEmbed ? (
          <Text className={styles.muted}>
            {host.kind === "standalone"
              ? "单机网页版不能把模板嵌入工作簿；可下载模板，在“生成”页选择本机模板文件。"
              : "此 Excel 版本不支持在工作簿中嵌入模板。"}
          </Text>
        ) : embedded.length === 0 ? (
          <Text className={styles.muted}>工作簿中没有内嵌模板，生成时使用内置模板。</Text>
        ) : (
          <Table size="small" aria-label="工作簿内嵌模板" className={styles.cards}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>名称</TableHeaderCell>
                <TableHeaderCell>类型</TableHeaderCell>
                <TableHeaderCell>来源</TableHeaderCell>
                <TableHeaderCell />
              </TableRow>
            </TableHeader>
            <TableBody>
              {embedded.map((t) => (
                <TableRow key={t.name}>
                  <TableCell data-label="名称">{t.name}</TableCell>
                  <TableCell data-label="类型">
                    <Badge appearance="tint">{t.kind}</Badge>
                  </TableCell>
                  <TableCell data-label="来源" title={`sha256 ${t.sha256}`}>
                    {t.origin}
                  </TableCell>
                  <TableCell className={styles.actions}>
                    <Button
                      size="small"
                      icon={<ArrowDownloadRegular />}
                      title="下载"
                      aria-label={`下载${t.name}`}
                      onClick={() => saveBlob(t.docx, `${t.name}.docx`, DOCX_MIME)}
                    />
                    {store && (
                      <Button
                        size="small"
                        icon={<DeleteRegular />}
                        title="从工作簿移除"
                        aria-label={`移除${t.name}`}
                        disabled={!!busy}
                        onClick={() =>
                          act("正在移除……", async () => {
                            await store.remove(t.name);
                            await refreshEmbedded();
                            return `已从工作簿移除“${t.name}”。`;
                          })
                        }
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section className={styles.section} aria-label="内置模板">
        <Subtitle2>内置模板</Subtitle2>
        {DOCUMENT_KINDS.map((kind) => (
          <div className={styles.row} key={kind}>
            <Text className={styles.grow}>{kind}（GB/T 9704 版式，随程序提供）</Text>
            <Button
              size="small"
              icon={<ArrowDownloadRegular />}
              disabled={!!busy}
              onClick={() =>
                act("正在下载……", async () => {
                  saveBlob(await builtIn(kind), `${kind}.docx`, DOCX_MIME);
                  return undefined;
                })
              }
            >
              下载
            </Button>
            {canEmbed && port && (
              <Button
                size="small"
                icon={<DocumentAddRegular />}
                disabled={!!busy}
                onClick={() =>
                  act("正在嵌入……", async () => {
                    await embedFile(port, {
                      name: `内置${kind}`,
                      kind,
                      docx: await builtIn(kind),
                      origin: "内置模板",
                    });
                    await refreshEmbedded();
                    return `已把内置${kind}模板嵌入工作簿。`;
                  })
                }
              >
                嵌入
              </Button>
            )}
          </div>
        ))}
        {canEmbed && port && (
          <div className={styles.row}>
            <Text className={styles.grow}>本机 .docx 模板</Text>
            <Select
              size="small"
              aria-label="本机模板的类型"
              value={fileKind}
              onChange={(_, d) => setFileKind(d.value as DocumentKind)}
            >
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </Select>
            <input
              ref={docxInput}
              type="file"
              accept=".docx"
              className={styles.hidden}
              onChange={() =>
                act("正在检查并嵌入……", async () => {
                  const file = await readFileInput(docxInput.current);
                  if (!file) return undefined;
                  const name = file.name.replace(/\.docx$/i, "");
                  const kind = fileKind;
                  await embedFile(port, { name, kind, docx: file.bytes, origin: "本机文件" });
                  await refreshEmbedded();
                  return `已把“${name}”作为${kind}模板嵌入工作簿。`;
                })
              }
            />
            <Button
              size="small"
              icon={<DocumentAddRegular />}
              disabled={!!busy}
              onClick={() => docxInput.current?.click()}
            >
              选择文件嵌入
            </Button>
          </div>
        )}
      </section>

      <Divider />

      <section className={styles.section} aria-label="模板库">
        <Subtitle2>模板库</Subtitle2>
        <div className={styles.row}>
          <Field label="模板库地址" className={styles.grow}>
            <Input
              value={url}
              onChange={(_, d) => setUrl(d.value)}
              placeholder="http://10.1.2.3:8790"
            />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label="类型">
            <Select
              value={kindFilter}
              onChange={(_, d) => setKindFilter(d.value as "" | DocumentKind)}
            >
              <option value="">全部</option>
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="名称含" className={styles.grow}>
            <Input value={query} onChange={(_, d) => setQuery(d.value)} />
          </Field>
          <Button
            icon={<ArrowSyncRegular />}
            disabled={!!busy}
            onClick={() =>
              act("正在读取模板库……", async () => {
                await refreshLibrary();
                return undefined;
              })
            }
          >
            刷新
          </Button>
        </div>
        {library && library.length === 0 && (
          <Text className={styles.muted}>模板库中没有符合条件的模板。</Text>
        )}
        {library && library.length > 0 && (
          <Table size="small" aria-label="模板库中的模板" className={styles.cards}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>名称</TableHeaderCell>
                <TableHeaderCell>类型</TableHeaderCell>
                <TableHeaderCell>部门</TableHeaderCell>
                <TableHeaderCell>版本</TableHeaderCell>
                <TableHeaderCell>日期</TableHeaderCell>
                <TableHeaderCell />
              </TableRow>
            </TableHeader>
            <TableBody>
              {library.map((t) => (
                <TableRow key={t.name}>
                  <TableCell data-label="名称">{t.name}</TableCell>
                  <TableCell data-label="类型">
                    <Badge appearance="tint">{t.kind}</Badge>
                  </TableCell>
                  <TableCell data-label="部门">{t.department}</TableCell>
                  <TableCell data-label="版本">
                    {t.latest ? `v${t.latest.version}` : "已停用"}
                  </TableCell>
                  <TableCell data-label="日期">{date(t.latest?.createdAt)}</TableCell>
                  <TableCell className={styles.actions}>
                    {t.latest && canEmbed && port ? (
                      <Button
                        size="small"
                        icon={<DocumentAddRegular />}
                        disabled={!!busy}
                        title="下载并嵌入工作簿"
                        onClick={() =>
                          act("正在下载并嵌入……", async () => {
                            const e = await pullIntoWorkbook(client, port, t);
                            await refreshEmbedded();
                            return `已把“${e.name}”第 ${e.version} 版嵌入工作簿，生成时选择“工作簿内嵌模板”即可使用。`;
                          })
                        }
                      >
                        嵌入
                      </Button>
                    ) : t.latest ? (
                      <Button
                        size="small"
                        icon={<ArrowDownloadRegular />}
                        disabled={!!busy}
                        onClick={() =>
                          act("正在下载……", async () => {
                            const got = await client.download(t.name);
                            saveBlob(got.bytes, `${t.name}-v${got.version}.docx`, DOCX_MIME);
                            return undefined;
                          })
                        }
                      >
                        下载
                      </Button>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <Divider />

      <section className={styles.section} aria-label="模板包">
        <Subtitle2>模板包</Subtitle2>
        <Text size={200} className={styles.muted}>
          模板包（.zip）包含模板和单位设置，可在单位之间传递；导入时逐个检查，全部通过才导入。
        </Text>
        <div className={styles.row}>
          <input
            ref={packInput}
            type="file"
            accept=".zip"
            className={styles.hidden}
            onChange={() =>
              act("正在检查模板包……", async () => {
                const file = await readFileInput(packInput.current);
                if (!file || !port) return undefined;
                const outcome = await importPackIntoWorkbook(port, file.bytes, takeProfile);
                await refreshEmbedded();
                return `已导入 ${outcome.templates.length} 个模板${outcome.profileSaved ? "，并更新了单位设置" : ""}。`;
              })
            }
          />
          <Button
            icon={<ArrowUploadRegular />}
            disabled={!!busy || !canEmbed}
            onClick={() => packInput.current?.click()}
          >
            导入模板包
          </Button>
          <Checkbox
            checked={takeProfile}
            onChange={(_, d) => setTakeProfile(d.checked === true)}
            label="同时导入单位设置"
          />
          <Button
            icon={<ArrowDownloadRegular />}
            disabled={!!busy || !canEmbed || embedded.length === 0}
            onClick={() =>
              act("正在导出……", async () => {
                if (!port) return undefined;
                const bytes = await exportWorkbookPack(port);
                saveBlob(bytes, `模板包-${todayLocal()}.zip`, "application/zip");
                return `已导出 ${embedded.length} 个模板。`;
              })
            }
          >
            导出模板包
          </Button>
        </div>
      </section>

      <Divider />

      <section className={styles.section} aria-label="发布到模板库">
        <Subtitle2>发布到模板库</Subtitle2>
        <div className={styles.row}>
          <Field label="要发布的模板" className={styles.grow}>
            <Select
              value={publishSource}
              onChange={(_, d) => {
                setPublishSource(d.value);
                const t = embedded.find((e) => e.name === d.value);
                if (t) {
                  setPublishName(t.name);
                  setPublishKind(t.kind);
                }
                if (d.value === "file") publishFileInput.current?.click();
              }}
            >
              <option value="">请选择</option>
              {embedded.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}（{t.kind}）
                </option>
              ))}
              <option value="file">
                {publishFile ? `本机文件：${publishFile.name}` : "本机文件……"}
              </option>
            </Select>
          </Field>
          <input
            ref={publishFileInput}
            type="file"
            accept=".docx"
            className={styles.hidden}
            onChange={async () => {
              const file = await readFileInput(publishFileInput.current);
              if (file) {
                setPublishFile(file);
                setPublishName((n) => n || file.name.replace(/\.docx$/i, ""));
              }
            }}
          />
        </div>
        <div className={styles.row}>
          <Field label="名称" className={styles.grow}>
            <Input
              value={publishName}
              maxLength={64}
              onChange={(_, d) => setPublishName(d.value)}
            />
          </Field>
          <Field label="类型">
            <Select
              value={publishKind}
              onChange={(_, d) => setPublishKind(d.value as DocumentKind)}
            >
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="本版说明">
          <Input value={publishNote} maxLength={500} onChange={(_, d) => setPublishNote(d.value)} />
        </Field>
        <Field
          label="部门发布令牌"
          hint="由模板库管理员签发；只保存在本机浏览器中，不会写入工作簿。"
        >
          <Input
            type="password"
            value={token}
            onChange={(_, d) => saveToken(d.value, rememberToken)}
            autoComplete="off"
          />
        </Field>
        <Checkbox
          checked={rememberToken}
          onChange={(_, d) => {
            setRememberToken(d.checked === true);
            saveToken(token, d.checked === true);
          }}
          label="在本机记住令牌"
        />
        <div className={styles.row}>
          <Button
            appearance="primary"
            icon={<BoxArrowUpRegular />}
            disabled={!!busy || !publishSource || !publishName.trim()}
            onClick={() =>
              act("正在检查并发布……", async () => {
                const source = publishBytes();
                if (!source) throw new Error("请选择要发布的模板。");
                const v = await publishTemplate(client, {
                  name: publishName.trim() || source.fallbackName,
                  kind: publishKind,
                  docx: source.bytes,
                  token,
                  ...(publishNote.trim() ? { note: publishNote.trim() } : {}),
                });
                if (library) await refreshLibrary();
                return `已发布“${v.name}”第 ${v.version} 版。`;
              })
            }
          >
            发布
          </Button>
        </div>
      </section>
    </div>
  );
}
