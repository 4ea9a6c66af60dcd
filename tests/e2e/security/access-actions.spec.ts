// Every server action in the access table, called directly over HTTP as every role, in the fetch and no-JS shapes,
// with a payload that would succeed for an allowed caller (scenarios.ts): the database must change for allowed
// roles and not at all for others.
import { expect, test } from '@playwright/test';
import { actionEntries as actions, allows, roles, type ActionEntry, type Role } from '../../support/access-table';
import { createActor } from '../../support/sessions';
import { fingerprint, invoke, scenarios, withBearerToken, type Shape } from './scenarios';

async function attempt(entry: ActionEntry, role: Role, shape: Shape) {
  const scenario = scenarios[entry.exportName]!;
  const actor = await createActor(role);
  const prepared = await withBearerToken(actor, await scenario.prepare(actor));
  const before = await fingerprint();
  const response = await invoke(entry, prepared.call, actor, shape);
  return { scenario, prepared, before, response, changed: await prepared.effect(response) };
}

for (const entry of actions) {
  test.describe(`action ${entry.exportName}`, () => {
    for (const role of roles) {
      const allowed = allows(entry, role);
      test(`${role}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const scenario = scenarios[entry.exportName];
        // Not a skip: an action nobody exercises is a hole in the matrix, so its every case fails.
        expect(scenario, 'no scenario in scenarios.ts (see the completeness test)').toBeDefined();
        const shapes: Shape[] = scenario!.fetchOnly ? ['fetch'] : ['fetch', 'no-js'];
        for (const shape of shapes) {
          const { before, response, changed } = await attempt(entry, role, shape);
          expect(response.status, `${shape} call: HTTP status`).toBeLessThan(500);
          if (allowed) {
            if (!scenario!.inert?.includes(role))
              expect(changed, `${shape} call by ${role} should have taken effect (HTTP ${response.status})`).toBe(true);
          } else {
            expect(changed, `${shape} call by ${role} must change nothing (HTTP ${response.status})`).toBe(false);
            expect(await fingerprint(), `${shape} call by ${role}: nothing else changed either`).toEqual(before);
          }
        }
      });
    }
  });
}
