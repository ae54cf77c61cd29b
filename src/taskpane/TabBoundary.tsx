/**
 * One error boundary per tab: a tab that throws (or whose lazy chunk cannot load because the
 * server stopped) shows a Chinese message with 重试 instead of turning the pane white.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import {
  Component,
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
} from "react";
import { describeError } from "./errors";

/**
 * React.lazy remembers a failed import for good; this keeps one lazy component per attempt so
 * that 重试 imports the chunk again.
 */
export function retryableLazy<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
) {
  let current: LazyExoticComponent<ComponentType<P>> = lazy(load);
  return {
    get component() {
      return current;
    },
    reset() {
      current = lazy(load);
    },
  };
}

interface Props {
  readonly tab: string;
  readonly onRetry: () => void;
  readonly children: ReactNode;
}

export class TabBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline" role="alert" data-testid="tab-error">
        <MessageBarBody>
          <MessageBarTitle>“{this.props.tab}”未能显示</MessageBarTitle>
          {describeError(this.state.error)}
        </MessageBarBody>
        <MessageBarActions>
          <Button
            size="small"
            onClick={() => {
              this.props.onRetry();
              this.setState({ error: undefined });
            }}
          >
            重试
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
