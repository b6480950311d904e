// Package interop holds the checks that clients dodb did not write agree with
// `dodb emulator`: here, godo, DigitalOcean's own Go client, with its own types.
// Any mismatch is a bug in the emulator or the spec.
package interop

import (
	"context"
	"errors"
	"net/http"
	"os"
	"testing"

	"github.com/digitalocean/godo"
)

func official(t *testing.T) (*godo.Client, map[string]string) {
	t.Helper()
	url := os.Getenv("DODB_API_URL")
	if url == "" {
		t.Skip("DODB_API_URL is not set: run this through tests/test_interop.py, which starts `dodb emulator`")
	}
	httpClient := &http.Client{Transport: bearer{os.Getenv("DIGITALOCEAN_TOKEN")}}
	client, err := godo.New(httpClient, godo.SetBaseURL(url+"/"))
	if err != nil {
		t.Fatal(err)
	}
	clusters := map[string]string{
		"pg": os.Getenv("PG_CLUSTER"), "mysql": os.Getenv("MYSQL_CLUSTER"), "kafka": os.Getenv("KAFKA_CLUSTER"),
	}
	return client, clusters
}

type bearer struct{ token string }

func (b bearer) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+b.token)
	return http.DefaultTransport.RoundTrip(req)
}

func TestGodoManagesUsersOnTheEmulator(t *testing.T) {
	client, clusters := official(t)
	ctx := context.Background()
	db := client.Databases

	pgUser, _, err := db.CreateUser(ctx, clusters["pg"], &godo.DatabaseCreateUserRequest{Name: "godo-app"})
	if err != nil || pgUser.Name != "godo-app" || pgUser.Role != "normal" || pgUser.Password == "" {
		t.Fatalf("pg add: %+v %v", pgUser, err)
	}

	legacy, _, err := db.CreateUser(ctx, clusters["mysql"], &godo.DatabaseCreateUserRequest{
		Name:          "godo-legacy",
		MySQLSettings: &godo.DatabaseMySQLUserSettings{AuthPlugin: godo.SQLAuthPluginNative},
	})
	if err != nil || legacy.MySQLSettings == nil || legacy.MySQLSettings.AuthPlugin != godo.SQLAuthPluginNative {
		t.Fatalf("mysql add: %+v %v", legacy, err)
	}

	events, _, err := db.CreateUser(ctx, clusters["kafka"], &godo.DatabaseCreateUserRequest{
		Name: "godo-events",
		Settings: &godo.DatabaseUserSettings{ACL: []*godo.KafkaACL{
			{Topic: "events.*", Permission: "produce"},
			{Topic: "audit", Permission: "consume"},
		}},
	})
	if err != nil || events.AccessCert == "" || events.AccessKey == "" || events.Settings == nil {
		t.Fatalf("kafka add: %+v %v", events, err)
	}
	if len(events.Settings.ACL) != 2 || events.Settings.ACL[0].ID == "" {
		t.Fatalf("kafka ACLs without ids: %+v", events.Settings.ACL)
	}

	got, _, err := db.GetUser(ctx, clusters["pg"], "godo-app")
	if err != nil || got.Name != "godo-app" || got.Password != pgUser.Password {
		t.Fatalf("get: %+v %v", got, err)
	}

	listed, _, err := db.ListUsers(ctx, clusters["pg"], &godo.ListOptions{})
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	names := map[string]string{}
	for _, u := range listed {
		names[u.Name] = u.Role
	}
	if names["godo-app"] != "normal" || names["doadmin"] != "primary" {
		t.Fatalf("list: %v", names)
	}

	acl := events.Settings.ACL[0]
	updated, _, err := db.UpdateUser(ctx, clusters["kafka"], "godo-events", &godo.DatabaseUpdateUserRequest{
		Settings: &godo.DatabaseUserSettings{ACL: []*godo.KafkaACL{
			{ID: acl.ID, Topic: acl.Topic, Permission: "produceconsume"},
		}},
	})
	if err != nil || updated.Settings == nil || len(updated.Settings.ACL) != 1 ||
		updated.Settings.ACL[0].Permission != "produceconsume" {
		t.Fatalf("update: %+v %v", updated, err)
	}

	reset, _, err := db.ResetUserAuth(ctx, clusters["mysql"], "godo-legacy", &godo.DatabaseResetUserAuthRequest{
		MySQLSettings: &godo.DatabaseMySQLUserSettings{AuthPlugin: godo.SQLAuthPluginCachingSHA2},
	})
	if err != nil || reset.MySQLSettings.AuthPlugin != godo.SQLAuthPluginCachingSHA2 || reset.Password == legacy.Password {
		t.Fatalf("reset_auth: %+v %v", reset, err)
	}

	response, err := db.DeleteUser(ctx, clusters["pg"], "godo-app")
	if err != nil || response.StatusCode != http.StatusNoContent {
		t.Fatalf("delete: %v %v", response, err)
	}
	_, _, err = db.GetUser(ctx, clusters["pg"], "godo-app")
	var apiErr *godo.ErrorResponse
	if !errors.As(err, &apiErr) || apiErr.Response.StatusCode != http.StatusNotFound || apiErr.Message == "" {
		t.Fatalf("get after delete: %v", err)
	}
}
