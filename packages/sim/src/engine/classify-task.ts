import { readLinearSystem } from '../linear/parse-equations';
import type { LinearSystem } from '../linear/linear-equation';
import { isRepairRequest } from '../json/repair-json';
import type { SimRequest } from './sim-request';

/** What the simulated model recognised in a request. */
export type SimTask = 'linear' | 'linear-continue' | 'json' | 'json-repair' | 'text';

/** A classified request. */
export type ClassifiedTask =
  | { task: 'linear'; system: LinearSystem }
  | { task: 'linear-continue'; system: LinearSystem; prefix: string }
  | { task: 'json' | 'json-repair' | 'text' };

const CONTINUE = /\bcontinue\b|\bremaining steps\b|\bnext steps?\b|\bfinish the solution\b|\bcomplete the solution\b|\bcarry on\b/i;
const PREFIX_MARKER = /(?:partial solution|steps so far|solution so far|verified steps|previous steps|work so far|steps already done)\s*:?\s*\n?/i;

/**
 * Reads the task from the whole prompt: a JSON request (response format or
 * an instruction mentioning JSON), a continue request after partial steps,
 * a linear equation or system, or else free text.
 */
export function classifyTask(request: SimRequest): ClassifiedTask {
  const messages = request.messages;
  const lastUserIndex = messages.map((m) => m.role).lastIndexOf('user');
  const lastUser = lastUserIndex >= 0 ? (messages[lastUserIndex]?.text ?? '') : '';
  const wantsJson =
    request.responseFormat?.type === 'json' ||
    /\b(?:return|respond|reply|output|answer|give|produce|as|in|valid)\b[^.\n]{0,40}\bjson\b/i.test(lastUser) ||
    (/\bjson\b/i.test(lastUser) && /\b(keys|fields|properties)\b/i.test(lastUser));
  if (wantsJson) return { task: isRepairRequest(messages) ? 'json-repair' : 'json' };

  if (CONTINUE.test(lastUser)) {
    const assistantIndex = messages.slice(0, lastUserIndex).map((m) => m.role).lastIndexOf('assistant');
    if (assistantIndex >= 0) {
      const problem = messages
        .slice(0, assistantIndex)
        .filter((m) => m.role === 'user' || m.role === 'system')
        .map((m) => m.text)
        .reverse();
      const system = problem.map((t) => readLinearSystem(t)).find((s) => s !== null);
      if (system) return { task: 'linear-continue', system, prefix: messages[assistantIndex]?.text ?? '' };
    }
    const marker = PREFIX_MARKER.exec(lastUser);
    if (marker) {
      const system = readLinearSystem(lastUser.slice(0, marker.index));
      const prefix = lastUser
        .slice(marker.index + marker[0].length)
        .split('\n')
        .filter((line) => !CONTINUE.test(line))
        .join('\n');
      if (system) return { task: 'linear-continue', system, prefix };
    }
  }

  const direct = readLinearSystem(lastUser);
  if (direct) return { task: 'linear', system: direct };
  const context = messages
    .filter((m) => m.role === 'user' || m.role === 'system')
    .map((m) => m.text)
    .join('\n');
  const fromContext = readLinearSystem(context);
  if (fromContext) return { task: 'linear', system: fromContext };
  return { task: 'text' };
}
