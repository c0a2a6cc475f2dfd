// What the meeting screens share: the one outcome message of the page.

import type { Message } from '../../data/use-action';

export type Msg = Message;
