// The types openapi-typescript makes from openapi.yaml, used the way an app would:
// this file only has to pass `tsc --strict`. The lines marked @ts-expect-error must
// stay errors: they are what the spec forbids.
import type { components, paths } from "./schema";

type Schemas = components["schemas"];

export const create: Schemas["DatabaseUserCreate"] = {
  name: "app-01",
  settings: { acl: [{ topic: "events.*", permission: "produceconsume" }] },
};

export const update: Schemas["DatabaseUserUpdate"] = {
  settings: { acl: [{ id: "acl128aaaa99239", topic: "events.*", permission: "consume" }] },
};

// @ts-expect-error: Kafka has no "write" permission
export const wrong: Schemas["KafkaAcl"] = { topic: "t", permission: "write" };

// @ts-expect-error: an error body has a message
export const bare: Schemas["Error"] = { id: "not_found" };

type AddAnswer =
  paths["/v2/databases/{database_cluster_uuid}/users"]["post"]["responses"]["201"]["content"]["application/json"];
export function password(answer: AddAnswer): string | undefined {
  return answer.user.password;
}
