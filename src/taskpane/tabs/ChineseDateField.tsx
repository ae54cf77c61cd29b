/**
 * A date field that reads the way a clerk writes dates: 2026年12月2日. Typing accepts what the
 * ledger's date columns accept (2026年12月2日, 2026-12-02, 2026/12/2, 2026.12.2, 20261202,
 * full-width digits); ↑/↓ move a day; the calendar button opens a month grid (arrow keys move
 * by day and week, PageUp/PageDown by month, Enter picks). Built from Fluent UI v9 parts the
 * pane already loads: @fluentui/react-datepicker-compat is not a dependency, and its calendar
 * would add more than this whole field.
 */
import {
  Button,
  Field,
  Input,
  makeStyles,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Text,
  tokens,
} from "@fluentui/react-components";
import { CalendarRegular, ChevronLeftRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { formatChineseDate, parseDateText } from "../../core/dates";

const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];

const useStyles = makeStyles({
  surface: { padding: tokens.spacingHorizontalS },
  head: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    marginBottom: tokens.spacingVerticalXS,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(7, 2.2em)",
    gap: "2px",
    textAlign: "center",
  },
  weekday: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  day: { minWidth: 0, padding: 0, height: "2em" },
  outside: { color: tokens.colorNeutralForeground4 },
});

/** YYYY-MM-DD plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The same day `months` later, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * Typed text as a date, when it is complete: a two-digit day or a closing 日/号, so that typing
 * 2026年12月2 does not jump to the 2nd on the way to the 25th (blur and Enter take it as it is).
 */
export function parseTypedDate(text: string, complete: boolean): string | undefined {
  const parsed = parseDateText(text);
  if (!parsed.ok) return undefined;
  const s = text.normalize("NFKC").trim();
  if (complete || /[日号]$/.test(s) || /\d{2}$/.test(s.replace(/\D+$/, ""))) return parsed.date;
  return undefined;
}

/** The 6 × 7 days shown for the month of `date`, Monday first. */
function monthDays(date: string): string[] {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7;
  const start = addDays(first.toISOString().slice(0, 10), -offset);
  return Array.from({ length: 42 }, (_, i) => addDays(start, i));
}

export interface ChineseDateFieldProps {
  readonly label: string;
  readonly hint?: string;
  /** YYYY-MM-DD. */
  readonly value: string;
  readonly onChange: (date: string) => void;
  readonly disabled?: boolean;
  readonly testId?: string;
}

export function ChineseDateField(props: ChineseDateFieldProps) {
  const styles = useStyles();
  const { value, onChange } = props;
  const [text, setText] = useState(() => formatChineseDate(value));
  const [error, setError] = useState<string | undefined>();
  const editing = useRef(false);
  const [open, setOpen] = useState(false);
  const [focusDay, setFocusDay] = useState(value);
  const grid = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  // A new value from outside (a remembered date, the calendar): show it, unless being typed.
  useEffect(() => {
    if (!editing.current) setText(formatChineseDate(value));
  }, [value]);

  const commit = (date: string) => {
    setError(undefined);
    if (date !== value) onChange(date);
  };

  const settle = () => {
    editing.current = false;
    const date = parseTypedDate(text, true);
    if (date) {
      commit(date);
      setText(formatChineseDate(date));
    } else {
      setError(`“${text.trim()}”不是可识别的日期，请按 ${formatChineseDate(value)} 的样式填写。`);
      setText(formatChineseDate(value));
    }
  };

  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      settle();
      editing.current = true;
    } else if (e.key === "ArrowUp" || e.key === "ArrowDown") {
      e.preventDefault();
      const next = addDays(value, e.key === "ArrowUp" ? 1 : -1);
      commit(next);
      setText(formatChineseDate(next));
    }
  };

  // Keep the focused day focused as it moves (and when the calendar opens).
  useEffect(() => {
    if (!open) return;
    const id = requestAnimationFrame(() => {
      grid.current?.querySelector<HTMLButtonElement>(`button[data-date="${focusDay}"]`)?.focus();
    });
    return () => cancelAnimationFrame(id);
  }, [open, focusDay]);

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step: Record<string, () => string> = {
      ArrowLeft: () => addDays(focusDay, -1),
      ArrowRight: () => addDays(focusDay, 1),
      ArrowUp: () => addDays(focusDay, -7),
      ArrowDown: () => addDays(focusDay, 7),
      PageUp: () => addMonths(focusDay, -1),
      PageDown: () => addMonths(focusDay, 1),
    };
    const move = step[e.key];
    if (!move) return;
    e.preventDefault();
    setFocusDay(move());
  };

  const pick = (date: string) => {
    commit(date);
    setText(formatChineseDate(date));
    setOpen(false);
    // Back to the calendar button, not to the top of the page (the grid is gone).
    requestAnimationFrame(() => trigger.current?.focus());
  };

  const month = focusDay.slice(0, 7);
  const [fy, fm] = month.split("-").map(Number);

  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationMessage={error}
      validationState={error ? "error" : "none"}
    >
      <Input
        value={text}
        disabled={props.disabled}
        data-testid={props.testId}
        data-value={value}
        autoComplete="off"
        // As wide as the field, never wider: the input's own default width (20 characters)
        // would push a 200 px pane (400 px at 200 % zoom) sideways.
        style={{ width: "100%", minWidth: 0 }}
        input={{ size: 1 }}
        onFocus={() => {
          editing.current = true;
        }}
        onBlur={settle}
        onKeyDown={onInputKey}
        onChange={(_, d) => {
          setText(d.value);
          const date = parseTypedDate(d.value, false);
          if (date) commit(date);
        }}
        contentAfter={
          <Popover
            open={open}
            trapFocus
            positioning="below-end"
            onOpenChange={(_, d) => {
              if (d.open) setFocusDay(value);
              setOpen(d.open);
            }}
          >
            <PopoverTrigger disableButtonEnhancement>
              <Button
                ref={trigger}
                appearance="transparent"
                size="small"
                icon={<CalendarRegular />}
                aria-label={`选择日期，当前为 ${formatChineseDate(value)}`}
                disabled={props.disabled}
                data-testid={props.testId ? `${props.testId}-calendar` : undefined}
              />
            </PopoverTrigger>
            <PopoverSurface className={styles.surface} aria-labelledby={headingId}>
              <div className={styles.head}>
                <Button
                  appearance="subtle"
                  size="small"
                  icon={<ChevronLeftRegular />}
                  aria-label="上个月"
                  onClick={() => setFocusDay(addMonths(focusDay, -1))}
                />
                <Text weight="semibold" id={headingId} aria-live="polite">
                  {fy}年{fm}月
                </Text>
                <Button
                  appearance="subtle"
                  size="small"
                  icon={<ChevronRightRegular />}
                  aria-label="下个月"
                  onClick={() => setFocusDay(addMonths(focusDay, 1))}
                />
              </div>
              {/* biome-ignore lint/a11y/useSemanticElements: a month grid of buttons, keyboard-driven */}
              <div className={styles.grid} ref={grid} onKeyDown={onGridKey} role="group">
                {WEEKDAYS.map((w) => (
                  <span key={w} className={styles.weekday} aria-hidden="true">
                    {w}
                  </span>
                ))}
                {monthDays(focusDay).map((day) => {
                  const inMonth = day.startsWith(month);
                  return (
                    <Button
                      key={day}
                      data-date={day}
                      size="small"
                      className={`${styles.day} ${inMonth ? "" : styles.outside}`}
                      appearance={day === value ? "primary" : "subtle"}
                      tabIndex={day === focusDay ? 0 : -1}
                      aria-label={formatChineseDate(day)}
                      aria-pressed={day === value}
                      onClick={() => pick(day)}
                    >
                      {Number(day.slice(8))}
                    </Button>
                  );
                })}
              </div>
            </PopoverSurface>
          </Popover>
        }
      />
    </Field>
  );
}
