// Builders for tests that need supervision tasks: created through the API by whoever may raise them.
import type { TestClient } from './testApp.ts';

/** A supervision task raised by `creator` (a supervisor, or a leader from their own instruction); returns its id. */
export async function givenTask(creator: TestClient, fields: Record<string, unknown>): Promise<string> {
  const res = await creator.post('/api/supervision/tasks', fields);
  if (res.statusCode !== 201) throw new Error(`task not created: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
