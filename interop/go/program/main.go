// Command program calls the six user operations through the client oapi-codegen
// generates from openapi.yaml, against a running `dodb emulator`. It exits non-zero
// on the first answer that is not what the spec documents, and prints one JSON line
// per step.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	"dodb.invalid/interop/client"
)

func need(name string) string {
	value := os.Getenv(name)
	if value == "" {
		fail("set %s", name)
	}
	return value
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func check(ok bool, what string) {
	if !ok {
		fail("not as documented: %s", what)
	}
}

func step(name string, status int, detail map[string]any) {
	line := map[string]any{"step": name, "status": status}
	for k, v := range detail {
		line[k] = v
	}
	out, _ := json.Marshal(line)
	fmt.Println(string(out))
}

func ptr[T any](v T) *T { return &v }

func main() {
	token := need("DIGITALOCEAN_TOKEN")
	auth := client.WithRequestEditorFn(func(_ context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+token)
		return nil
	})
	api, err := client.NewClientWithResponses(need("DODB_API_URL"), auth)
	if err != nil {
		fail("client: %v", err)
	}
	ctx := context.Background()
	pg, mysql, kafka := need("PG_CLUSTER"), need("MYSQL_CLUSTER"), need("KAFKA_CLUSTER")

	added, err := api.DatabasesAddUserWithResponse(ctx, pg, client.DatabaseUserCreate{
		Name:     "go-app",
		Settings: &client.UserSettings{PgAllowReplication: ptr(true)},
	})
	check(err == nil && added.JSON201 != nil, "add answers 201 with a user")
	app := added.JSON201.User
	check(app.Role != nil && *app.Role == client.RoleNormal, "a new user is normal")
	check(app.Password != nil && *app.Password != "", "a new user has a password")
	check(app.Settings != nil && app.Settings.PgAllowReplication != nil && *app.Settings.PgAllowReplication, "replication kept")
	step("add", added.StatusCode(), map[string]any{"name": app.Name})

	acls := []client.KafkaAcl{
		{Topic: "events.*", Permission: client.KafkaProduce},
		{Topic: "audit", Permission: client.KafkaConsume},
	}
	kafkaAdded, err := api.DatabasesAddUserWithResponse(ctx, kafka, client.DatabaseUserCreate{
		Name: "go-events", Settings: &client.UserSettings{Acl: &acls},
	})
	check(err == nil && kafkaAdded.JSON201 != nil, "kafka add answers 201")
	events := kafkaAdded.JSON201.User
	check(events.AccessCert != nil && events.AccessKey != nil, "a Kafka user has a certificate and key")
	check(events.Settings != nil && events.Settings.Acl != nil && len(*events.Settings.Acl) == 2, "ACLs kept")
	withIds := *events.Settings.Acl
	check(withIds[0].Id != nil, "ACLs get ids")
	step("add-kafka", kafkaAdded.StatusCode(), map[string]any{"acls": len(withIds)})

	got, err := api.DatabasesGetUserWithResponse(ctx, pg, "go-app")
	check(err == nil && got.JSON200 != nil && got.JSON200.User.Name == "go-app", "get finds the user")
	step("get", got.StatusCode(), nil)

	listed, err := api.DatabasesListUsersWithResponse(ctx, pg)
	check(err == nil && listed.JSON200 != nil, "list answers 200")
	names := map[string]bool{}
	for _, u := range listed.JSON200.Users {
		names[u.Name] = true
	}
	check(names["go-app"] && names["doadmin"], "list holds the new and the primary user")
	step("list", listed.StatusCode(), map[string]any{"users": len(names)})

	// The ids read back are sent again, as upstream's update example does.
	changed := []client.KafkaAcl{{Id: withIds[0].Id, Topic: withIds[0].Topic, Permission: client.KafkaProduceConsume}}
	updated, err := api.DatabasesUpdateUserWithResponse(ctx, kafka, "go-events", client.DatabaseUserUpdate{
		Settings: client.UserSettings{Acl: &changed},
	})
	check(err == nil && updated.JSON201 != nil, "update answers 201")
	now := updated.JSON201.User.Settings
	check(now != nil && now.Acl != nil && len(*now.Acl) == 1 && (*now.Acl)[0].Permission == client.KafkaProduceConsume, "ACLs replaced")
	step("update", updated.StatusCode(), nil)

	legacy, err := api.DatabasesAddUserWithResponse(ctx, mysql, client.DatabaseUserCreate{
		Name: "go-legacy", MysqlSettings: &client.MysqlSettings{AuthPlugin: client.MysqlNativePassword},
	})
	check(err == nil && legacy.JSON201 != nil, "mysql add answers 201")
	reset, err := api.DatabasesResetAuthWithResponse(ctx, mysql, "go-legacy", client.DatabaseUserResetAuth{
		MysqlSettings: &client.MysqlSettings{AuthPlugin: client.CachingSha2Password},
	})
	check(err == nil && reset.JSON200 != nil, "reset_auth answers 200")
	after := reset.JSON200.User
	check(after.MysqlSettings != nil && after.MysqlSettings.AuthPlugin == client.CachingSha2Password, "the plugin changed")
	check(*after.Password != *legacy.JSON201.User.Password, "the password changed")
	step("reset_auth", reset.StatusCode(), nil)

	deleted, err := api.DatabasesDeleteUserWithResponse(ctx, pg, "go-app")
	check(err == nil && deleted.StatusCode() == 204, "delete answers 204")
	gone, err := api.DatabasesGetUserWithResponse(ctx, pg, "go-app")
	check(err == nil && gone.JSON404 != nil, "a deleted user is not found, with an error body")
	check(gone.JSON404.Id == "not_found" && gone.JSON404.Message != "", "errors carry id and message")
	step("delete", deleted.StatusCode(), map[string]any{"then": gone.StatusCode(), "error": gone.JSON404.Id})
}
