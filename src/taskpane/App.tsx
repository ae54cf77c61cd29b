/**
 * The pane: a header (workbook, re-read, open a file when standalone) and the tabs 校验 · 统计 ·
 * 生成 · 模板 · 设置. Inside Excel the port is the Office.js adapter; anywhere else the user opens
 * or drops an .xlsx and the standalone port reads it.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowClockwiseRegular,
  DocumentArrowUpRegular,
  DocumentTableRegular,
} from "@fluentui/react-icons";
import { type ComponentType, Suspense, useEffect, useState } from "react";
import type { UnitProfile } from "../core/profile";
import type { WorkbookPort } from "../ports/workbook";
import { detectHost, type HostInfo } from "./host";
import { browserProfileStore } from "./profile-storage";
import { useSession } from "./state/useSession";
import { retryableLazy, TabBoundary } from "./TabBoundary";
import { NewLedger } from "./tabs/NewLedger";
import { OpenFile, useFileDrop } from "./tabs/OpenFile";
import { Welcome } from "./tabs/Welcome";

const findingsTab = retryableLazy(() => import("./tabs/FindingsTab"));
const statsTab = retryableLazy(() => import("./tabs/StatsTab"));
const generateTab = retryableLazy(() => import("./tabs/GenerateTab"));
const settingsTab = retryableLazy(() => import("./tabs/SettingsTab"));
const importFeedback = retryableLazy(() => import("./tabs/ImportFeedback"));

/** The template library's tab (src/taskpane/templates/), mounted when it exists. */
const libraryTabs = import.meta.glob<{ default: ComponentType<LibraryTabProps> }>(
  "./templates/TemplatesTab.tsx",
);
const loadLibraryTab = Object.values(libraryTabs)[0];
const libraryTab = loadLibraryTab ? retryableLazy(loadLibraryTab) : undefined;
const LAZY_TABS = [findingsTab, statsTab, generateTab, settingsTab, libraryTab];

/** Standalone, 设置 is kept in this browser, also before a ledger is open. */
const BROWSER_PROFILES = browserProfileStore();

const TAB_LABEL: Record<TabId, string> = {
  findings: "校验",
  stats: "统计",
  generate: "生成",
  templates: "模板",
  settings: "设置",
};

export interface LibraryTabProps {
  readonly port: WorkbookPort | undefined;
  readonly host: HostInfo;
}

type TabId = "findings" | "stats" | "generate" | "templates" | "settings";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { flexGrow: 1, minWidth: 0, display: "flex", flexDirection: "column" },
  label: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  tabs: {
    // At 200 % zoom the five tabs take two rows rather than scroll sideways.
    flexWrap: "wrap",
    backgroundColor: tokens.colorNeutralBackground1,
    paddingInline: tokens.spacingHorizontalXS,
  },
  // Content at most 720 px wide, centred on a wide pane; the scroll bar stays at the edge.
  body: {
    flexGrow: 1,
    overflowY: "auto",
    padding: tokens.spacingHorizontalM,
    paddingInline: `max(${tokens.spacingHorizontalM}, calc((100% - 720px) / 2))`,
  },
  dropping: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-6px" },
});

const SR_ONLY = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
} as const;

function announceResult(findings: readonly { severity: string }[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  return `校验完成：错误 ${errors} 条，警告 ${warnings} 条。`;
}

export function App() {
  const styles = useStyles();
  const [host, setHost] = useState<HostInfo | undefined>();
  const [port, setPort] = useState<WorkbookPort | undefined>();
  const [portError, setPortError] = useState<string | undefined>();
  const [tab, setTab] = useState<TabId>("findings");
  const [settingFocus, setSettingFocus] = useState<
    { readonly field: keyof UnitProfile; readonly at: number } | undefined
  >();
  const openSetting = (field: keyof UnitProfile) => {
    setSettingFocus({ field, at: Date.now() });
    setTab("settings");
  };
  const session = useSession(port, host?.kind === "standalone" ? BROWSER_PROFILES : undefined);
  // Bumped by 重试 so that the tabs' lazy components are the fresh ones.
  const [, setAttempt] = useState(0);
  const retryTabs = () => {
    for (const t of LAZY_TABS) t?.reset();
    setAttempt((n) => n + 1);
  };

  useEffect(() => {
    let cancelled = false;
    void detectHost().then(async (h) => {
      if (cancelled) return;
      setHost(h);
      if (h.kind === "excel") {
        try {
          const { createExcelWorkbookPort } = await import("../office/excel-port");
          if (!cancelled) setPort(createExcelWorkbookPort());
        } catch {
          setPortError("无法连接 Excel 工作簿。请关闭任务窗格后重新打开。");
        }
      }
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    performance.mark("zhenggai:first-render");
  }, []);

  const openFile = async (file: File) => {
    // Show 校验 when the file is chosen, not when it has loaded: a tab the user picks while
    // the file is still loading must stay picked.
    setTab("findings");
    const { createStandalonePort } = await import("./standalone-port");
    setPort(createStandalonePort(file.name, new Uint8Array(await file.arrayBuffer())));
  };
  const drop = useFileDrop(host?.kind === "standalone" ? openFile : undefined);

  if (!host) {
    return (
      <div className={styles.root}>
        <Spinner style={{ margin: "auto" }} label="正在启动整改台账助手……" />
      </div>
    );
  }

  const standalone = host.kind === "standalone";
  const ready = session.state.status === "ready";
  // Excel with no ledger sheet at all (a new workbook): offer to add one instead of an error.
  const live = port?.live;
  const noLedger =
    !standalone &&
    live !== undefined &&
    live !== null &&
    session.state.status === "ready" &&
    session.state.analysis.findings.some((f) => f.code === "workbook.ledger.missing");

  return (
    <div
      className={`${styles.root} ${drop.dragging ? styles.dropping : ""}`}
      data-host={host.kind}
      {...drop.handlers}
    >
      <header className={styles.header}>
        <DocumentTableRegular fontSize={24} color={tokens.colorBrandForeground1} />
        <div className={styles.title}>
          <Text weight="semibold">整改台账助手</Text>
          <Text size={200} className={styles.label} title={port?.label}>
            {port ? port.label : standalone ? "单机版：请打开台账文件" : "正在连接 Excel……"}
          </Text>
        </div>
        {standalone && port && (
          <OpenFile compact onFile={openFile}>
            <Button
              appearance="subtle"
              icon={<DocumentArrowUpRegular />}
              title="打开其他台账文件"
            />
          </OpenFile>
        )}
        {port && (
          <Button
            appearance="subtle"
            size="small"
            icon={<ArrowClockwiseRegular />}
            title="重新读取并校验台账（在工作表中改动后点这里）"
            disabled={session.state.status === "loading"}
            onClick={() => void session.refresh()}
          >
            重新检查
          </Button>
        )}
      </header>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabId)}
      >
        <Tab value="findings">校验</Tab>
        <Tab value="stats">统计</Tab>
        <Tab value="generate">生成</Tab>
        {libraryTab && <Tab value="templates">模板</Tab>}
        <Tab value="settings">设置</Tab>
      </TabList>
      <main className={styles.body}>
        {portError && (
          <MessageBar intent="error">
            <MessageBarBody>{portError}</MessageBarBody>
          </MessageBar>
        )}
        {standalone && !port && tab !== "settings" && tab !== "templates" && (
          <Welcome onFile={openFile} />
        )}
        {session.state.status === "loading" && <Spinner label="正在读取并校验台账……" />}
        {/* Screen readers hear each result once, without moving focus. */}
        <div aria-live="polite" data-testid="announce" style={SR_ONLY}>
          {session.state.status === "ready" && announceResult(session.state.analysis.findings)}
          {session.state.status === "error" && session.state.message}
        </div>
        {session.state.status === "error" && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>{session.state.message}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void session.refresh()}>
                重试
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <TabBoundary key={tab} tab={TAB_LABEL[tab]} onRetry={retryTabs}>
          <Suspense fallback={<Spinner size="small" label="正在打开……" />}>
            {tab === "findings" && (host.kind === "standalone" || port) && (
              <importFeedback.component
                port={port}
                onWorkbook={openFile}
                onAdded={() => session.refresh()}
              />
            )}
            {tab === "findings" && noLedger && live && (
              <NewLedger live={live} onAdded={() => session.refresh()} />
            )}
            {tab === "findings" && ready && !noLedger && (
              <findingsTab.component session={session} onOpenSetting={openSetting} />
            )}
            {tab === "stats" && ready && <statsTab.component session={session} />}
            {tab === "generate" && ready && (
              <generateTab.component
                session={session}
                host={host}
                onOpenSetting={openSetting}
                onOpenTab={(t: TabId) => setTab(t)}
              />
            )}
            {tab === "templates" && libraryTab && <libraryTab.component port={port} host={host} />}
            {tab === "settings" && (
              <settingsTab.component session={session} focusField={settingFocus} />
            )}
          </Suspense>
        </TabBoundary>
      </main>
    </div>
  );
}
