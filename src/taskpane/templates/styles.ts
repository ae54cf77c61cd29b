/** The 模板 tab's styles, one set for all its sections. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useTemplatesStyles = makeStyles({
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
