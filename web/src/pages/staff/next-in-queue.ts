/**
 * "Next in queue": after acting on a request the officer goes on with the queue it came from,
 * without walking back to Today (11 of the 13–18 keystrokes per verified file were that walk).
 */
import type { QueueName } from './consoleApi.js';

/** The queue a request in this state is worked from (the one the officer was on). */
export function queueOfState(state: string): QueueName | undefined {
  switch (state) {
    case 'submitted':
      return 'verify';
    case 'verified':
    case 'processing':
      return 'process';
    case 'ready':
      return 'hand_over';
    case 'returned':
      return 'returned';
    default:
      return undefined;
  }
}

/** The first request of the queue other than the one just worked (the list is most urgent first). */
export function nextInQueue(list: readonly { id: string }[], currentId: string): string | undefined {
  return list.find((r) => r.id !== currentId)?.id;
}

/** The key that opens the next file (N is the viewer's next document). */
export const NEXT_KEY = 'L';
