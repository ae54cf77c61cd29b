/**
 * 设置: the unit profile (filled in once; it completes whatever 基本信息 leaves empty),
 * percentage precision, and 规范台账 in Excel (with its punctuation fix, applied after the user
 * confirms the list of cells).
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { SaveRegular, TextBulletListSquareEditRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { isAddress, isEmail, isPhoneList } from "../../core/info";
import type { Precision } from "../../core/model";
import { type UnitProfile, unitProfileSchema } from "../../core/profile";
import type { PunctuationFix } from "../../core/punctuation-fix";
import { punctuationFixesOf } from "../state/session";
import { type Session, useAction } from "../state/useSession";
import { SubmitPanel } from "./SubmitPanel";

type ProfileField = keyof UnitProfile;

// Placeholders read as hints (例：…), never as values someone already filled in.
const FIELDS: readonly { key: ProfileField; label: string; placeholder: string }[] = [
  { key: "partyOrgName", label: "党组织名称", placeholder: "例：中共××县市政园林局党组" },
  { key: "unitName", label: "单位名称", placeholder: "例：××县市政园林局" },
  { key: "issuerMark", label: "发文机关标志", placeholder: "例：中共××县市政园林局党组文件" },
  { key: "docNumberPrefix", label: "发文字号代字", placeholder: "例：×市政党组" },
  { key: "nextDocNumber", label: "下一个发文序号", placeholder: "例：1（与代字一起生成发文字号）" },
  { key: "signer", label: "签发人", placeholder: "例：单位主要负责人姓名" },
  { key: "recipient", label: "主送机关", placeholder: "例：县委巡察工作领导小组" },
  { key: "phone", label: "联系电话", placeholder: "例：带区号的固定电话或11位手机号" },
  { key: "address", label: "邮政地址", placeholder: "例：××县××路1号，邮编457300" },
  { key: "email", label: "电子邮箱", placeholder: "例：xcbzg@example.gov.cn" },
];

/** The same format rules 校验 applies to 基本信息, so that 设置 never saves what 生成 rejects. */
const FORMAT_RULES: Partial<Record<ProfileField, { ok: (v: string) => boolean; message: string }>> =
  {
    phone: {
      ok: isPhoneList,
      message:
        "格式不对：应为带区号的固定电话（如0739-5321234）、11位手机号或12388等热线，多个号码用“、”分隔。",
    },
    email: { ok: isEmail, message: "格式不对：应如 xcbzg@example.gov.cn。" },
    address: {
      ok: isAddress,
      message: "不完整：应写明省市县（区）、街道门牌，可附邮政编码。",
    },
  };

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  section: {
    marginTop: tokens.spacingVerticalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  fixes: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      textAlign: "left",
      verticalAlign: "top",
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
});

/** The cells the punctuation fix changes: cell, before → after (kept after the fix: 原值见上表). */
function FixList({ fixes, className }: { fixes: readonly PunctuationFix[]; className: string }) {
  return (
    <table className={className} aria-label="半角标点修正清单">
      <thead>
        <tr>
          <th>单元格</th>
          <th>原值 → 修改为</th>
        </tr>
      </thead>
      <tbody>
        {fixes.map((f) => (
          <tr key={`${f.sheet}!${f.cell}`}>
            <td>
              {f.sheet}!{f.cell}
            </td>
            <td>
              {f.before} → {f.after}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function SettingsTab({
  session,
  focusField,
}: {
  session: Session;
  /** A field to focus on arrival (a readiness link in 校验 or 生成 asked for it). */
  focusField?: { readonly field: ProfileField; readonly at: number } | undefined;
}) {
  const styles = useStyles();
  const form = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusField) return;
    const input = form.current?.querySelector<HTMLInputElement>(
      `input[name="${focusField.field}"]`,
    );
    input?.scrollIntoView({ block: "center" });
    input?.focus();
  }, [focusField]);
  const [draft, setDraft] = useState<Record<ProfileField, string>>(() => toDraft(session.profile));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const [saved, setSaved] = useState(false);
  const save = useAction();
  const normalise = useAction();
  const [normalised, setNormalised] = useState(false);
  // The punctuation fix: the list found after 规范台账, the confirm dialog, the result.
  const [fixes, setFixes] = useState<PunctuationFix[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [fixedCount, setFixedCount] = useState<number | undefined>();
  const fix = useAction();
  const port = session.port;
  const live = port?.live;

  useEffect(() => setDraft(toDraft(session.profile)), [session.profile]);

  const onSave = () =>
    save.act(async () => {
      setSaved(false);
      const cleaned = Object.fromEntries(
        Object.entries(draft).filter(([, v]) => v.trim() !== ""),
      ) as UnitProfile;
      const parsed = unitProfileSchema.safeParse(cleaned);
      const errors: Partial<Record<ProfileField, string>> = {};
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const key = issue.path[0] as ProfileField;
          errors[key] = "内容过长，请精简。";
        }
      }
      for (const [key, rule] of Object.entries(FORMAT_RULES) as [
        ProfileField,
        NonNullable<(typeof FORMAT_RULES)[ProfileField]>,
      ][]) {
        const value = cleaned[key];
        if (value !== undefined && !errors[key] && !rule.ok(value)) errors[key] = rule.message;
      }
      if (!parsed.success || Object.keys(errors).length > 0) {
        setFieldErrors(errors);
        throw new Error("有字段未通过检查，请按提示修改后再保存。");
      }
      setFieldErrors({});
      await session.saveProfile(parsed.data);
      setSaved(true);
    });

  return (
    <section aria-label="设置">
      <div className={styles.form} ref={form}>
        <Text weight="semibold">本单位信息</Text>
        <Text size={200} className={styles.muted}>
          只需填写一次。台账“基本信息”表中已填写的项目优先；空着的项目用这里的内容补上。
          {port?.host === "excel" ? "保存在本工作簿中。" : "保存在本机浏览器中。"}
        </Text>
        {FIELDS.map((f) => (
          <Field
            key={f.key}
            label={f.label}
            size="small"
            validationMessage={fieldErrors[f.key]}
            validationState={fieldErrors[f.key] ? "error" : "none"}
          >
            <Input
              size="small"
              value={draft[f.key]}
              placeholder={f.placeholder}
              name={f.key}
              onChange={(_, d) => setDraft((old) => ({ ...old, [f.key]: d.value }))}
            />
          </Field>
        ))}
        <Button
          appearance="primary"
          icon={save.busy ? <Spinner size="tiny" /> : <SaveRegular />}
          disabled={save.busy || (!port && !session.profileWithoutLedger)}
          onClick={() => void onSave()}
        >
          保存
        </Button>
        {!port && !session.profileWithoutLedger && (
          <Text size={200} className={styles.muted}>
            打开台账后才能保存。
          </Text>
        )}
        {saved && (
          <MessageBar intent="success">
            <MessageBarBody>已保存。</MessageBarBody>
          </MessageBar>
        )}
        {save.error && (
          <MessageBar intent="error">
            <MessageBarBody>{save.error}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      <div className={styles.section}>
        <Field label="完成率小数位">
          <RadioGroup
            layout="horizontal"
            // Wraps rather than scroll sideways at 200 % zoom.
            style={{ flexWrap: "wrap" }}
            value={String(session.settings.precision)}
            onChange={(_, d) => session.setPrecision(Number(d.value) as Precision)}
          >
            <Radio value="0" label="95%" />
            <Radio value="1" label="95.1%" />
            <Radio value="2" label="98.71%" />
          </RadioGroup>
        </Field>
      </div>

      {live && (
        <div className={styles.section}>
          <Text weight="semibold">规范台账</Text>
          <Text size={200} className={styles.muted}>
            为“整改台账”表的完成情况、整改类型、来源、公开等列加上下拉选项，为日期列设置日期格式。不改动任何已填写的内容。
          </Text>
          <Button
            icon={normalise.busy ? <Spinner size="tiny" /> : <TextBulletListSquareEditRegular />}
            disabled={normalise.busy}
            onClick={() =>
              void normalise.act(async () => {
                setNormalised(false);
                setFixes([]);
                setFixedCount(undefined);
                try {
                  await live.normaliseLedger();
                  setNormalised(true);
                } finally {
                  // Offered even when the drop-downs could not be added (Excel 2016).
                  if (port) setFixes(await punctuationFixesOf(port).catch(() => []));
                }
              })
            }
          >
            规范台账
          </Button>
          {normalised && (
            <MessageBar intent="success">
              <MessageBarBody>已为台账加上下拉选项和日期格式。</MessageBarBody>
            </MessageBar>
          )}
          {normalise.error && (
            <MessageBar intent="error">
              <MessageBarBody>{normalise.error}</MessageBarBody>
            </MessageBar>
          )}
          {fixes.length > 0 && (
            <>
              <Text size={200}>
                {fixedCount === undefined
                  ? `台账中有 ${fixes.length} 个单元格的中文里用了半角标点，可改为全角：`
                  : "修改的单元格："}
              </Text>
              <FixList fixes={fixes} className={styles.fixes} />
              {fixedCount === undefined && (
                <Button
                  icon={fix.busy ? <Spinner size="tiny" /> : undefined}
                  disabled={fix.busy}
                  onClick={() => setConfirming(true)}
                >
                  修正半角标点（{fixes.length} 处）
                </Button>
              )}
            </>
          )}
          {fixedCount !== undefined && (
            <MessageBar intent="success">
              <MessageBarBody>
                已修改 {fixedCount} 个单元格，原值见上表。
                {fixedCount < fixes.length &&
                  `另有 ${fixes.length - fixedCount} 个单元格在检查后已被改动，未修改。`}
                Excel 的“撤消”不能撤回加载项的修改，如需恢复请按上表手动改回。
              </MessageBarBody>
            </MessageBar>
          )}
          {fix.error && (
            <MessageBar intent="error">
              <MessageBarBody>{fix.error}</MessageBarBody>
            </MessageBar>
          )}
          <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
            <DialogSurface>
              <DialogBody>
                <DialogTitle>修正半角标点</DialogTitle>
                <DialogContent>
                  将把上表 {fixes.length}{" "}
                  个单元格中的半角标点改为全角，其他单元格不动；检查后已被改动的单元格会跳过。Excel
                  的“撤消”不能撤回这次修改，原值会保留在清单中，可按清单手动改回。
                </DialogContent>
                <DialogActions>
                  <Button appearance="secondary" onClick={() => setConfirming(false)}>
                    取消
                  </Button>
                  <Button
                    appearance="primary"
                    onClick={() => {
                      setConfirming(false);
                      void fix.act(async () => {
                        const changed = await live.fixPunctuation(fixes);
                        setFixedCount(changed);
                        await session.refresh();
                      });
                    }}
                  >
                    修改
                  </Button>
                </DialogActions>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        </div>
      )}
      <SubmitPanel port={port} />
    </section>
  );
}

function toDraft(profile: UnitProfile | undefined): Record<ProfileField, string> {
  const draft = {} as Record<ProfileField, string>;
  for (const f of FIELDS) draft[f.key] = profile?.[f.key] ?? "";
  return draft;
}
