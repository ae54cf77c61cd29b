/**
 * Each document's readiness (documentReadiness, the renderer's own rules): what is there and what
 * is missing, each missing item with a link to where it is filled — the 设置 field, or the
 * 基本信息 cell in Excel.
 */
import { Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import {
  CheckmarkCircleRegular,
  DismissCircleRegular,
  WarningRegular,
} from "@fluentui/react-icons";
import type { UnitProfile } from "../../core/profile";
import type { DocumentKind } from "../../documents/api";
import type { ReadinessItem } from "../../documents/readiness";
import type { Session } from "../state/useSession";

/** Opens 设置 with one field focused. */
export type OpenSetting = (field: keyof UnitProfile) => void;

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: "none" },
  item: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalXS,
    paddingBlock: "2px",
  },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: "2px" },
  missing: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: "2px" },
  suggested: { color: tokens.colorPaletteYellowForeground2, flexShrink: 0, marginTop: "2px" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function ReadinessList(props: {
  kind: DocumentKind;
  items: readonly ReadinessItem[];
  session: Session;
  onOpenSetting: OpenSetting;
  onError?: (e: unknown) => void;
}) {
  const styles = useStyles();
  const select = props.session.port?.live?.selectCell;
  return (
    <ul className={styles.list} data-readiness={props.kind} aria-label={`${props.kind}所需项目`}>
      {props.items.map((item) => {
        const cell = props.session.infoCell(item.infoField);
        const setting = item.setting;
        return (
          <li
            key={item.id}
            className={styles.item}
            data-need={item.id}
            data-ok={item.ok ? "true" : "false"}
            data-severity={item.severity}
          >
            {item.ok ? (
              <CheckmarkCircleRegular className={styles.ok} aria-label="已具备" />
            ) : item.severity === "error" ? (
              <DismissCircleRegular className={styles.missing} aria-label="缺少" />
            ) : (
              <WarningRegular className={styles.suggested} aria-label="建议填写" />
            )}
            <span>
              <Text>{item.label}</Text>
              {!item.ok && (
                <>
                  {" "}
                  <Text size={200} className={styles.muted}>
                    {item.severity === "error"
                      ? "缺少，必须填写："
                      : "未填写（可以生成，建议填写）："}
                  </Text>
                  {setting && (
                    <Link as="button" onClick={() => props.onOpenSetting(setting)}>
                      在“设置”中填写
                    </Link>
                  )}
                  {setting && select && (
                    <Text size={200} className={styles.muted}>
                      {" "}
                      或{" "}
                    </Text>
                  )}
                  {select && (
                    <Link
                      as="button"
                      onClick={() =>
                        void select(cell.sheet, cell.address).catch((e: unknown) =>
                          props.onError?.(e),
                        )
                      }
                    >
                      在「基本信息」{cell.address} 填写
                    </Link>
                  )}
                  {!setting && !select && (
                    <Text size={200} className={styles.muted}>
                      请在台账「基本信息」表中填写“{item.label}”
                    </Text>
                  )}
                  {item.id === "docNumber" && props.session.profile?.docNumberPrefix && (
                    <Text size={200} className={styles.muted}>
                      {" "}
                      （按设置中的代字，如“{props.session.profile.docNumberPrefix}〔
                      {new Date().getFullYear()}〕1号”）
                    </Text>
                  )}
                </>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
