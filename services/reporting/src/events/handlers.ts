import type { EventBus, ServiceDeps } from '@poortwachter/kit';
import { parseEmploymentChanged, parsePersonChanged, parseSickCaseEvent } from './payloads.js';
import { logAndApply, SICK_CASE_EVENTS } from './projection.js';

/**
 * Each event is parsed, logged once (a redelivery is recognised by its content) and applied to its
 * subject. Events of one subject may arrive in any order across queues: the newest state wins.
 */
export async function subscribeHandlers(bus: EventBus, deps: ServiceDeps): Promise<void> {
  const { dataSource } = deps;
  for (const event of SICK_CASE_EVENTS) {
    await bus.subscribe(event, async (payload) => {
      await logAndApply(dataSource, parseSickCaseEvent(event, payload));
    });
  }
  await bus.subscribe('employment.changed', async (payload) => {
    await logAndApply(dataSource, parseEmploymentChanged(payload));
  });
  await bus.subscribe('person.changed', async (payload) => {
    await logAndApply(dataSource, parsePersonChanged(payload));
  });
}
