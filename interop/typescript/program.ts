// The six user operations, called through the client @hey-api/openapi-ts generates
// from openapi.yaml, against a running `dodb emulator`. Exits non-zero on the first
// answer that is not what the spec documents; prints one JSON line per step.
import { createClient, createConfig } from "./client/client";
import {
  databasesAddUser,
  databasesDeleteUser,
  databasesGetUser,
  databasesListUsers,
  databasesResetAuth,
  databasesUpdateUser,
} from "./client";
import type { DatabaseUser, KafkaAcl } from "./client";

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name}`);
  return value;
}

const client = createClient(
  createConfig({ baseUrl: need("DODB_API_URL"), auth: need("DIGITALOCEAN_TOKEN") }),
);
const pg = need("PG_CLUSTER");
const mysql = need("MYSQL_CLUSTER");
const kafka = need("KAFKA_CLUSTER");

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`not as documented: ${what}`);
}

function step(name: string, status: number | undefined, detail: object = {}): void {
  console.log(JSON.stringify({ step: name, status, ...detail }));
}

function user(data: { user: DatabaseUser } | undefined, what: string): DatabaseUser {
  check(data !== undefined, `${what} has a body`);
  return (data as { user: DatabaseUser }).user;
}

async function main(): Promise<void> {
  const added = await databasesAddUser({
    client,
    path: { database_cluster_uuid: pg },
    body: { name: "ts-app", settings: { pg_allow_replication: true } },
  });
  const app = user(added.data, "add");
  check(added.response?.status === 201, "add answers 201");
  check(app.role === "normal" && typeof app.password === "string", "a new user is normal, with a password");
  check(app.settings?.pg_allow_replication === true, "replication rights kept");
  step("add", added.response?.status, { name: app.name });

  const acls: KafkaAcl[] = [
    { topic: "events.*", permission: "produce" },
    { topic: "audit", permission: "consume" },
  ];
  const kafkaAdded = await databasesAddUser({
    client,
    path: { database_cluster_uuid: kafka },
    body: { name: "ts-events", settings: { acl: acls } },
  });
  const events = user(kafkaAdded.data, "kafka add");
  check(events.access_cert?.startsWith("-----BEGIN CERTIFICATE-----") === true, "a Kafka user has a certificate");
  const withIds = events.settings?.acl ?? [];
  check(withIds.length === 2 && withIds.every((acl) => typeof acl.id === "string"), "ACLs get ids");
  step("add-kafka", kafkaAdded.response?.status, { acls: withIds.length });

  const got = await databasesGetUser({ client, path: { database_cluster_uuid: pg, username: "ts-app" } });
  check(got.response?.status === 200 && user(got.data, "get").name === "ts-app", "get finds the user");
  step("get", got.response?.status);

  const listed = await databasesListUsers({ client, path: { database_cluster_uuid: pg } });
  const names = (listed.data?.users ?? []).map((u) => u.name);
  check(names.includes("ts-app") && names.includes("doadmin"), "list holds the new and the primary user");
  step("list", listed.response?.status, { users: names.length });

  // Upstream's update example sends the ACL ids it read back: `id` is writable.
  const changed = await databasesUpdateUser({
    client,
    path: { database_cluster_uuid: kafka, username: "ts-events" },
    body: { settings: { acl: [{ ...withIds[0], permission: "produceconsume" }] } },
  });
  const updated = user(changed.data, "update");
  check(changed.response?.status === 201, "update answers 201");
  check(updated.settings?.acl?.length === 1 && updated.settings.acl[0].permission === "produceconsume", "ACLs replaced");
  step("update", changed.response?.status);

  const mysqlAdded = await databasesAddUser({
    client,
    path: { database_cluster_uuid: mysql },
    body: { name: "ts-legacy", mysql_settings: { auth_plugin: "mysql_native_password" } },
  });
  const before = user(mysqlAdded.data, "mysql add");
  const reset = await databasesResetAuth({
    client,
    path: { database_cluster_uuid: mysql, username: "ts-legacy" },
    body: { mysql_settings: { auth_plugin: "caching_sha2_password" } },
  });
  const after = user(reset.data, "reset_auth");
  check(reset.response?.status === 200, "reset_auth answers 200");
  check(after.mysql_settings?.auth_plugin === "caching_sha2_password", "the plugin changed");
  check(after.password !== before.password, "the password changed");
  step("reset_auth", reset.response?.status);

  const deleted = await databasesDeleteUser({ client, path: { database_cluster_uuid: pg, username: "ts-app" } });
  check(deleted.response?.status === 204, "delete answers 204");
  const gone = await databasesGetUser({ client, path: { database_cluster_uuid: pg, username: "ts-app" } });
  check(gone.response?.status === 404, "a deleted user is not found");
  check(typeof gone.error?.id === "string" && typeof gone.error?.message === "string", "errors carry id and message");
  step("delete", deleted.response?.status, { then: gone.response?.status, error: gone.error?.id });
}

main().catch((error: unknown) => {
  console.error(String(error));
  process.exit(1);
});
