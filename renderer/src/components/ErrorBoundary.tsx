// Catches what a page or chart throws while drawing, so the window never goes blank: a Chinese
// message, what to do, and 返回 to draw it again. Keyed by page (and chart), so moving on resets it;
// resetKey resets it too, without drawing its children anew (a chart whose period or level band
// changed keeps its canvas and grid: creating them again cost more than drawing the new data).

import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  what: string;
  /** what is shown changed: a failure of the earlier one no longer stands */
  resetKey?: string;
}

interface State {
  failed: boolean;
  resetKey?: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`[${this.props.what}] 显示出错:`, error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="banner error" role="alert" data-testid="error-boundary">
        {this.props.what}显示时出现错误，已停止显示这一部分，数据未受影响。
        <div className="hint">请点击“返回”重新显示；如仍出错，请换一个期间或指标，或切换到其他页面后再回来。</div>
        <div className="actions">
          <button type="button" onClick={() => this.setState({ failed: false })} data-testid="error-boundary-back">
            返回
          </button>
        </div>
      </div>
    );
  }
}
