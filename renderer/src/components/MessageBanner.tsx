// The outcome of a command (useAction's message): green for done, red for an error with the hint
// saying what to do.

import type { Message } from '../data/use-action';

export function MessageBanner({ message, testId }: { message: Message; testId?: string }) {
  if (!message) return null;
  return (
    <div className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {message.message}
      {message.hint && <div className="hint">{message.hint}</div>}
    </div>
  );
}
