// Loads the current scheme and shows its editor (re-keyed when the saved scheme changes, so the
// form shows what was saved); the outcome message lives here and survives the re-keying.

import { useState } from 'react';
import { MessageBanner } from '../../components/MessageBanner';
import type { Message } from '../../data/use-action';
import { useApi } from '../../data/use-api';
import { SchemeEditor } from './SchemeEditor';

export function SchemePanel() {
  const scheme = useApi('evaluation.scheme', {});
  const [message, setMessage] = useState<Message>(null);
  if (!scheme.data) return null;
  return (
    <>
      <SchemeEditor key={JSON.stringify(scheme.data)} initial={scheme.data} onMessage={setMessage} />
      <MessageBanner message={message} testId="scheme-message" />
    </>
  );
}
