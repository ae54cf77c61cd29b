/**
 * A list of templates as a table (one card per template on a narrow pane): 名称 and 类型 first,
 * then the list's own columns, then the row's buttons. The workbook's embedded templates and
 * the library's list share it.
 */
import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { DocumentKind } from "../../documents/api";
import { useTemplatesStyles } from "./styles";

export interface TemplateColumn<T> {
  /** The header, and the cell's label on a card (data-label). */
  readonly header: string;
  readonly cell: (template: T) => ReactNode;
  readonly title?: (template: T) => string;
}

export function TemplateTable<
  T extends { readonly name: string; readonly kind: DocumentKind },
>(props: {
  label: string;
  templates: readonly T[];
  columns: readonly TemplateColumn<T>[];
  actions: (template: T) => ReactNode;
}) {
  const styles = useTemplatesStyles();
  return (
    <Table size="small" aria-label={props.label} className={styles.cards}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>名称</TableHeaderCell>
          <TableHeaderCell>类型</TableHeaderCell>
          {props.columns.map((c) => (
            <TableHeaderCell key={c.header}>{c.header}</TableHeaderCell>
          ))}
          <TableHeaderCell />
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.templates.map((t) => (
          <TableRow key={t.name}>
            <TableCell data-label="名称">{t.name}</TableCell>
            <TableCell data-label="类型">
              <Badge appearance="tint">{t.kind}</Badge>
            </TableCell>
            {props.columns.map((c) => (
              <TableCell key={c.header} data-label={c.header} title={c.title?.(t)}>
                {c.cell(t)}
              </TableCell>
            ))}
            <TableCell className={styles.actions}>{props.actions(t)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
