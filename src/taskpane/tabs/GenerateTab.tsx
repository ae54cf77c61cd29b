/**
 * 生成: one button per document. Each click reads the workbook afresh, validates, renders,
 * shows a preview and downloads — in one action. Errors stop it, with a way to go on anyway.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownloadRegular,
  DocumentRegular,
  FullScreenMaximizeRegular,
  MegaphoneRegular,
} from "@fluentui/react-icons";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { formatChineseDate } from "../../core/dates";
import type { Finding } from "../../core/model";
import { DOCUMENT_KINDS, type DocumentKind } from "../../documents/api";
import { explainRefusal, type RefusalExplanation } from "../../documents/readiness";
import type { EmbeddedTemplate, WorkbookPort } from "../../ports/workbook";
import { downloadDocx } from "../download";
import type { HostInfo } from "../host";
import {
  GENERATE_STEP_LABEL,
  type GenerateStep,
  generateDocument,
  TEMPLATE_SOURCE_LABEL,
  type TemplateChoice,
} from "../state/session";
import { describeError, type Session } from "../state/useSession";
import { ChineseDateField } from "./ChineseDateField";
import { findingDetail, findingKey, findingPlace } from "./FindingsTab";
import { usePageCount } from "./page-count";
import { type OpenSetting, ReadinessList } from "./Readiness";

const Preview = lazy(() => import("./Preview").then((m) => ({ default: m.Preview })));
const EnlargedPreview = lazy(() =>
  import("./EnlargedPreview").then((m) => ({ default: m.EnlargedPreview })),
);

const STEP_VALUE: Record<GenerateStep, number> = {
  read: 0.15,
  validate: 0.35,
  template: 0.55,
  render: 0.8,
};

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Side by side; one under the other when the pane is too narrow (200 % zoom).
  buttons: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(7.5em, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Outcome =
  | {
      readonly kind: DocumentKind;
      readonly status: "blocked";
      readonly why: RefusalExplanation;
    }
  | {
      readonly kind: DocumentKind;
      readonly status: "done";
      readonly docx: Uint8Array;
      readonly fileName: string;
      /** The render's own warnings (template and document), shown here, not in 校验. */
      readonly warnings: readonly Finding[];
      readonly templateLabel: string;
      /** Set once 保存 has run: how the file left the pane. */
      readonly saved?: { readonly openedUrl?: string };
    };

export default function GenerateTab({
  session,
  host,
  onOpenSetting,
  onOpenTab,
}: {
  session: Session;
  host: HostInfo;
  onOpenSetting: OpenSetting;
  onOpenTab: (tab: "findings" | "templates") => void;
}) {
  const styles = useStyles();
  // The source this workbook last used (a local file is not kept: pick it again).
  const [source, setSource] = useState<TemplateChoice["source"]>(() =>
    session.choices.templateSource === "embedded" && session.port?.embedded
      ? "embedded"
      : "builtin",
  );
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | undefined>();
  const [step, setStep] = useState<GenerateStep | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  /** 放大预览: in the pane (overlay), or in the host's window with the pages it drew. */
  const [enlarged, setEnlarged] = useState<
    { readonly in: "pane" } | { readonly in: "window"; readonly pages?: number } | undefined
  >();
  const enlargeButton = useRef<HTMLButtonElement>(null);
  const openWindow = useRef<{ close(): void } | undefined>(undefined);
  useEffect(() => () => openWindow.current?.close(), []);
  const fileInput = useRef<HTMLInputElement>(null);
  const port = session.port;
  const busy = step !== undefined;

  const template = (): TemplateChoice | undefined => {
    if (source === "file") return file ? { source: "file", ...file } : undefined;
    if (source === "embedded") return { source, names: picker.names };
    return { source };
  };

  // Focus stays on the control that acted (a keyboard user must not land at the top of the page).
  const kindButtons = useRef<Partial<Record<DocumentKind, HTMLElement | null>>>({});
  const keepFocus = (actor: Element | null, kind: DocumentKind) => {
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      const target =
        actor instanceof HTMLElement && actor.isConnected ? actor : kindButtons.current[kind];
      target?.focus();
    });
  };

  const generate = async (kind: DocumentKind, force = false) => {
    const actor = document.activeElement;
    const choice = template();
    if (!port) return;
    if (!choice) {
      setError("请先选择一个 .docx 模板文件，或改用内置模板。");
      return;
    }
    setError(undefined);
    setOutcome(undefined);
    openWindow.current?.close();
    setEnlarged(undefined);
    try {
      const { result, analysis, templateLabel } = await generateDocument({
        port,
        kind,
        template: choice,
        settings: session.settings,
        force,
        onStep: setStep,
      });
      if (!result.ok) {
        setOutcome({
          kind,
          status: "blocked",
          why: explainRefusal(result.findings, analysis.info, kind),
        });
        return;
      }
      // Shown first; saved only when the clerk has seen it and clicks 保存.
      setOutcome({
        kind,
        status: "done",
        docx: result.docx,
        fileName: result.fileName,
        warnings: result.findings.filter((f) => f.severity === "warning"),
        templateLabel,
      });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setStep(undefined);
      keepFocus(actor, kind);
    }
  };

  const save = (done: Extract<Outcome, { status: "done" }>) =>
    void downloadDocx(done.docx, done.fileName, host)
      .then((saved) =>
        setOutcome((current) =>
          current === done || (current?.status === "done" && current.docx === done.docx)
            ? { ...done, saved: saved.via === "browser" ? { openedUrl: saved.url } : {} }
            : current,
        ),
      )
      .catch((e: unknown) => setError(describeError(e)));

  const closeEnlarged = () => {
    setEnlarged(undefined);
    requestAnimationFrame(() => enlargeButton.current?.focus());
  };

  /** The host's window when it has one (Excel, DialogApi 1.2); otherwise over the pane. */
  const enlarge = async (done: Extract<Outcome, { status: "done" }>) => {
    const hostWindow = port?.previewWindow;
    if (!hostWindow) {
      setEnlarged({ in: "pane" });
      return;
    }
    setEnlarged({ in: "window" });
    try {
      const opened = await hostWindow.open(
        { docx: done.docx, fileName: done.fileName },
        { onSave: () => save(done), onClosed: () => setEnlarged(undefined) },
      );
      openWindow.current = opened;
      setEnlarged((e) => (e?.in === "window" ? { in: "window", pages: opened.pages } : e));
    } catch (e) {
      // Closed by the user before it showed the document: nothing more to do.
      if ((e as { code?: unknown } | null)?.code === "DialogClosed") {
        setEnlarged(undefined);
        return;
      }
      // The window did not open: enlarge in the pane instead, and say why.
      setError(describeError(e));
      setEnlarged({ in: "pane" });
    }
  };

  const embeddedAvailable = Boolean(port?.embedded);
  const docxShown = outcome?.status === "done" ? outcome.docx : undefined;
  const { box: previewBox, pages } = usePageCount(docxShown);
  const picker = useEmbeddedPicker(source === "embedded" ? port : undefined, session);

  return (
    <section aria-label="生成文档" className={styles.form}>
      <ChineseDateField
        label="统计截至日期"
        hint={`截至 ${formatChineseDate(session.settings.asOf)}：完成情况、超期和通报中的“截至…”都按这一天计算；本工作簿会记住这一天。`}
        value={session.settings.asOf}
        onChange={(date) => session.setAsOf(date)}
        disabled={busy}
        testId="as-of"
      />
      <Field label="模板">
        <RadioGroup
          value={source}
          onChange={(_, d) => {
            const next = d.value as TemplateChoice["source"];
            setSource(next);
            if (next !== "file") session.rememberChoices({ templateSource: next });
          }}
          disabled={busy}
        >
          <Radio value="builtin" label={TEMPLATE_SOURCE_LABEL.builtin} />
          {embeddedAvailable && <Radio value="embedded" label={TEMPLATE_SOURCE_LABEL.embedded} />}
          <Radio value="file" label={TEMPLATE_SOURCE_LABEL.file} />
        </RadioGroup>
      </Field>
      {source === "embedded" &&
        DOCUMENT_KINDS.filter((kind) => picker.byKind[kind].length > 1).map((kind) => (
          <Field
            key={kind}
            label={`${kind}模板`}
            hint="本工作簿有多个此类模板；本工作簿会记住所选的模板。"
          >
            <Select
              data-testid={`template-pick-${kind}`}
              value={picker.names[kind] ?? picker.byKind[kind][0]?.name ?? ""}
              onChange={(_, d) => picker.pick(kind, d.value)}
              disabled={busy}
            >
              {picker.byKind[kind].map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name} v{t.version}（{t.origin}）
                </option>
              ))}
            </Select>
          </Field>
        ))}
      {source === "file" && (
        <div>
          <input
            ref={fileInput}
            type="file"
            accept=".docx"
            hidden
            data-testid="template-file"
            onChange={async (e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = "";
              if (f) setFile({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
            }}
          />
          <Button size="small" onClick={() => fileInput.current?.click()} disabled={busy}>
            选择 .docx 模板…
          </Button>{" "}
          <Text size={200} className={styles.muted}>
            {file ? file.name : "尚未选择"}
          </Text>
        </div>
      )}

      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<DocumentRegular />}
          ref={(b) => {
            kindButtons.current["报告"] = b;
          }}
          disabledFocusable={busy}
          onClick={() => void generate("报告")}
        >
          生成报告
        </Button>
        <Button
          appearance="primary"
          icon={<MegaphoneRegular />}
          ref={(b) => {
            kindButtons.current["通报"] = b;
          }}
          disabledFocusable={busy}
          onClick={() => void generate("通报")}
        >
          生成通报
        </Button>
      </div>
      <Text size={200} className={styles.muted}>
        整改情况报告（红头上行文）和整改进展情况通报（公开）。每次生成都会重新读取并校验台账。
      </Text>

      {step && (
        <Field validationMessage={GENERATE_STEP_LABEL[step]} validationState="none">
          <ProgressBar value={STEP_VALUE[step]} />
        </Field>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      {outcome?.status === "blocked" && (
        <MessageBar intent="error" layout="multiline" data-testid="refusal">
          <MessageBarBody>
            <MessageBarTitle>
              {outcome.why.places.length > 0 ? outcome.why.places.join("、") : "模板"}有错误，
              {outcome.kind}未生成
            </MessageBarTitle>
            {outcome.why.template.length > 0 && (
              <FaultList
                place="模板"
                hint="模板文件不能使用，请换一个模板，或在“模板”页检查它："
                findings={outcome.why.template}
              />
            )}
            {outcome.why.ledger.length > 0 && (
              <FaultList
                place="台账"
                hint={`台账中有 ${outcome.why.ledger.length} 处错误，请先改正（也可在“校验”页点击定位）：`}
                findings={outcome.why.ledger}
              />
            )}
            {outcome.why.info.length > 0 && (
              <FaultList
                place="基本信息"
                hint="「基本信息」表缺少文书需要的内容："
                findings={outcome.why.info}
              />
            )}
            {outcome.why.needs.length > 0 && (
              <div data-place="needs">
                <Text weight="semibold">{outcome.kind}还缺少：</Text>
                <ReadinessList
                  kind={outcome.kind}
                  items={outcome.why.needs}
                  session={session}
                  onOpenSetting={onOpenSetting}
                  onError={(e) => setError(describeError(e))}
                />
              </div>
            )}
          </MessageBarBody>
          <MessageBarActions>
            {outcome.why.canOverride && (
              <Button size="small" onClick={() => void generate(outcome.kind, true)}>
                仍然生成
              </Button>
            )}
            {outcome.why.ledger.length > 0 && (
              <Button size="small" onClick={() => onOpenTab("findings")}>
                去“校验”页
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}

      {outcome?.status === "done" && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{outcome.saved ? "已保存" : "已生成，请预览后保存"}</MessageBarTitle>
              <span data-testid="generated-file">{outcome.fileName}</span>
              {outcome.saved
                ? outcome.saved.openedUrl
                  ? "：已在浏览器中打开下载链接（5 分钟内有效，只能下载一次）。"
                  : "：已下载。"
                : `：尚未保存。${pages ? `共 ${pages} 页，` : ""}预览见下方。`}
              <br />
              使用的模板：<span data-testid="template-used">{outcome.templateLabel}</span>
              {outcome.warnings.length > 0 && (
                <div data-testid="render-warnings">
                  有 {outcome.warnings.length} 条警告：
                  <ul style={{ margin: "4px 0", paddingLeft: "1.2em" }}>
                    {outcome.warnings.map((f) => (
                      <li key={findingKey(f)}>
                        {findingPlace(f)}：{findingDetail(f)}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </MessageBarBody>
            <MessageBarActions>
              <Button
                size="small"
                appearance={outcome.saved ? "secondary" : "primary"}
                icon={<ArrowDownloadRegular />}
                onClick={() => save(outcome)}
              >
                {outcome.saved ? "再次保存" : "保存"}
              </Button>
              <Button
                size="small"
                ref={enlargeButton}
                icon={<FullScreenMaximizeRegular />}
                disabled={enlarged?.in === "window" && enlarged.pages === undefined}
                onClick={() => void enlarge(outcome)}
              >
                放大预览
              </Button>
            </MessageBarActions>
          </MessageBar>
          {enlarged?.in === "window" && (
            <Text size={200} className={styles.muted} data-testid="preview-window" role="status">
              {enlarged.pages === undefined
                ? "正在打开预览窗口……"
                : `已在预览窗口中打开（共 ${enlarged.pages} 页），可在窗口中保存。`}
            </Text>
          )}
          <div ref={previewBox} data-pages={pages}>
            <Suspense fallback={null}>
              <Preview docx={outcome.docx} />
            </Suspense>
          </div>
          {enlarged?.in === "pane" && (
            <Suspense fallback={null}>
              <EnlargedPreview
                docx={outcome.docx}
                fileName={outcome.fileName}
                saved={Boolean(outcome.saved)}
                onSave={() => save(outcome)}
                onClose={closeEnlarged}
              />
            </Suspense>
          )}
        </>
      )}
    </section>
  );
}

/** One place's faults, the first eight of them. */
function FaultList(props: { place: string; hint: string; findings: readonly Finding[] }) {
  return (
    <div data-place={props.place}>
      {props.hint}
      <ul style={{ margin: "4px 0", paddingLeft: "1.2em" }}>
        {props.findings.slice(0, 8).map((f) => (
          <li key={findingKey(f)}>
            {/* A template's part names (word/document.xml) mean nothing to a clerk. */}
            {props.place === "模板" ? f.message : `${findingPlace(f)}：${findingDetail(f)}`}
          </li>
        ))}
        {props.findings.length > 8 && <li>另有 {props.findings.length - 8} 处，见“校验”页。</li>}
      </ul>
    </div>
  );
}

/**
 * The workbook's embedded templates by kind, and the one picked per kind (kept per workbook
 * through the session's choices: in Excel the workbook's settings, standalone this browser).
 */
function useEmbeddedPicker(port: WorkbookPort | undefined, session: Session) {
  const [list, setList] = useState<readonly EmbeddedTemplate[]>([]);
  const [names, setNames] = useState<Partial<Record<DocumentKind, string>>>(
    () => session.choices.templates ?? {},
  );
  useEffect(() => {
    let cancelled = false;
    if (!port?.embedded) {
      setList([]);
      return;
    }
    void port.embedded
      .list()
      .then((l) => {
        if (!cancelled) setList(l);
      })
      .catch(() => {
        if (!cancelled) setList([]);
      });
    return () => {
      cancelled = true;
    };
  }, [port]);
  const byKind = Object.fromEntries(
    DOCUMENT_KINDS.map((kind) => [kind, list.filter((t) => t.kind === kind)]),
  ) as Record<DocumentKind, EmbeddedTemplate[]>;
  // A remembered name that is no longer embedded falls back to the first one.
  const valid = Object.fromEntries(
    DOCUMENT_KINDS.flatMap((kind) =>
      byKind[kind].some((t) => t.name === names[kind]) ? [[kind, names[kind]]] : [],
    ),
  ) as Partial<Record<DocumentKind, string>>;
  return {
    byKind,
    names: valid,
    pick(kind: DocumentKind, name: string) {
      session.rememberChoices({ templates: { [kind]: name } });
      setNames((old) => ({ ...old, [kind]: name }));
    },
  };
}
