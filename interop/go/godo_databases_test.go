package interop

// Every method of godo's DatabasesService against `dodb emulator`, with godo's own
// types: each call must succeed (godo checks the status and decodes the answer), and
// what it returns is checked where it says something. The exceptions are the calls
// whose bodies the spec does not describe (advanced_pg / advanced_mysql parameters,
// Redis settings: the emulator has no such clusters); those must be refused with 422.

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/digitalocean/godo"
)

func refusedWith(t *testing.T, what string, err error, words string) {
	t.Helper()
	var apiErr *godo.ErrorResponse
	if !errors.As(err, &apiErr) || apiErr.Response.StatusCode != http.StatusUnprocessableEntity ||
		!strings.Contains(apiErr.Message, words) {
		t.Fatalf("%s: want a 422 saying %q, got %v", what, words, err)
	}
}

func until(t *testing.T, what string, done func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !done() {
		if time.Now().After(deadline) {
			t.Fatalf("never %s", what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func ptr[T any](v T) *T { return &v }

func TestEveryGodoDatabasesCall(t *testing.T) {
	client, clusters := official(t)
	ctx := context.Background()
	db := client.Databases
	ok := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	valkey, opensearch, mongodb := os.Getenv("VALKEY_CLUSTER"), os.Getenv("OPENSEARCH_CLUSTER"), os.Getenv("MONGODB_CLUSTER")
	if valkey == "" || opensearch == "" || mongodb == "" {
		t.Skip("VALKEY_CLUSTER, OPENSEARCH_CLUSTER and MONGODB_CLUSTER are not set: run this through tests/test_interop.py")
	}

	// Clusters.
	options, _, err := db.ListOptions(ctx)
	ok("ListOptions", err)
	if len(options.PostgresSQLOptions.Layouts) == 0 || len(options.KafkaOptions.Versions) == 0 {
		t.Fatalf("ListOptions: %+v", options)
	}
	made, _, err := db.Create(ctx, &godo.DatabaseCreateRequest{
		Name: "godo-shop", EngineSlug: "pg", SizeSlug: "db-s-1vcpu-2gb", Region: "nyc3", NumNodes: 1,
		Tags:  []string{"godo"},
		Rules: []*godo.DatabaseCreateFirewallRule{{Type: "ip_addr", Value: "192.0.2.8"}},
	})
	ok("Create", err)
	if made.Status != "creating" || made.Connection == nil || made.Connection.Port != 25060 {
		t.Fatalf("Create: %+v", made)
	}
	id := made.ID
	until(t, "online", func() bool {
		got, _, err := db.Get(ctx, id)
		ok("Get", err)
		return got.Status == "online"
	})
	listed, _, err := db.List(ctx, &godo.ListOptions{})
	ok("List", err)
	found := false
	for _, c := range listed {
		found = found || c.ID == id
	}
	if !found {
		t.Fatalf("List: %s missing", id)
	}
	ca, _, err := db.GetCA(ctx, id)
	ok("GetCA", err)
	if !strings.HasPrefix(string(ca.Certificate), "-----BEGIN CERTIFICATE-----") {
		t.Fatalf("GetCA: not a PEM: %q", ca.Certificate)
	}

	// Users, databases, pools.
	user, _, err := db.CreateUser(ctx, id, &godo.DatabaseCreateUserRequest{Name: "app"})
	ok("CreateUser", err)
	_, _, err = db.GetUser(ctx, id, "app")
	ok("GetUser", err)
	users, _, err := db.ListUsers(ctx, id, nil)
	ok("ListUsers", err)
	if len(users) != 2 {
		t.Fatalf("ListUsers: %+v", users)
	}
	_, _, err = db.UpdateUser(ctx, id, "app", &godo.DatabaseUpdateUserRequest{
		Settings: &godo.DatabaseUserSettings{},
	})
	ok("UpdateUser", err)
	reset, _, err := db.ResetUserAuth(ctx, id, "app", &godo.DatabaseResetUserAuthRequest{})
	ok("ResetUserAuth", err)
	if reset.Password == user.Password {
		t.Fatal("ResetUserAuth kept the password")
	}
	dbMade, _, err := db.CreateDB(ctx, id, &godo.DatabaseCreateDBRequest{Name: "orders"})
	ok("CreateDB", err)
	if dbMade.Name != "orders" {
		t.Fatalf("CreateDB: %+v", dbMade)
	}
	_, _, err = db.GetDB(ctx, id, "orders")
	ok("GetDB", err)
	dbs, _, err := db.ListDBs(ctx, id, nil)
	ok("ListDBs", err)
	if len(dbs) != 2 {
		t.Fatalf("ListDBs: %+v", dbs)
	}
	pool, _, err := db.CreatePool(ctx, id, &godo.DatabaseCreatePoolRequest{
		Name: "orders-pool", Database: "orders", Size: 10, Mode: "transaction",
	})
	ok("CreatePool", err)
	if pool.Connection == nil || pool.Connection.Port != 25061 || pool.Connection.Database != "orders-pool" {
		t.Fatalf("CreatePool: %+v", pool.Connection)
	}
	_, err = db.UpdatePool(ctx, id, "orders-pool", &godo.DatabaseUpdatePoolRequest{
		User: "app", Database: "orders", Size: 12, Mode: "session",
	})
	ok("UpdatePool", err)
	gotPool, _, err := db.GetPool(ctx, id, "orders-pool")
	ok("GetPool", err)
	if gotPool.Size != 12 || gotPool.User != "app" {
		t.Fatalf("GetPool: %+v", gotPool)
	}
	_, _, err = db.ListPools(ctx, id, nil)
	ok("ListPools", err)
	_, err = db.DeleteDB(ctx, id, "orders")
	refusedWith(t, "DeleteDB with a pool", err, "used by the connection pool orders-pool")
	_, err = db.DeletePool(ctx, id, "orders-pool")
	ok("DeletePool", err)
	_, err = db.DeleteDB(ctx, id, "orders")
	ok("DeleteDB", err)
	_, err = db.DeleteUser(ctx, id, "app")
	ok("DeleteUser", err)

	// Access and maintenance.
	rules, _, err := db.GetFirewallRules(ctx, id)
	ok("GetFirewallRules", err)
	if len(rules) != 1 || rules[0].UUID == "" || rules[0].CreatedAt.IsZero() {
		t.Fatalf("GetFirewallRules: %+v", rules)
	}
	_, err = db.UpdateFirewallRules(ctx, id, &godo.DatabaseUpdateFirewallRulesRequest{
		Rules: []*godo.DatabaseFirewallRule{&rules[0], {Type: "tag", Value: "web"}},
	})
	ok("UpdateFirewallRules", err)
	_, err = db.UpdateMaintenance(ctx, id, &godo.DatabaseUpdateMaintenanceRequest{Day: "sunday", Hour: "03:00"})
	ok("UpdateMaintenance", err)
	_, err = db.InstallUpdate(ctx, id)
	ok("InstallUpdate", err)
	events, _, err := db.ListDatabaseEvents(ctx, id, nil)
	ok("ListDatabaseEvents", err)
	if len(events) != 2 || events[0].EventType != "cluster_create" {
		t.Fatalf("ListDatabaseEvents: %+v", events)
	}
	backups, _, err := db.ListBackups(ctx, id, nil)
	ok("ListBackups", err)
	if len(backups) != 1 || backups[0].CreatedAt.IsZero() {
		t.Fatalf("ListBackups: %+v", backups)
	}
	_, err = db.UpdateStorageAutoscale(ctx, id, &godo.DatabaseStorageAutoscale{
		Enabled: true, ThresholdPercent: ptr(80), IncrementGib: ptr(uint64(10)),
	})
	ok("UpdateStorageAutoscale", err)
	// godo reads the answer's top-level `storage`; the spec (upstream's, and pydo) puts
	// it under `autoscale`, so godo decodes nothing. Pinned here: the day the two agree,
	// this fails and says so.
	autoscale, _, err := db.GetStorageAutoscale(ctx, id)
	ok("GetStorageAutoscale", err)
	if autoscale != nil {
		t.Fatalf("GetStorageAutoscale now decodes the spec's answer: %+v", autoscale)
	}
	_, err = db.UpdateDOSettings(ctx, id, &godo.DatabaseUpdateDOSettingsRequest{
		DOSettings: &godo.DOSettings{ServiceCnames: []string{"db.example.com"}},
	})
	ok("UpdateDOSettings", err)
	settings, _, err := db.GetDOSettings(ctx, id)
	ok("GetDOSettings", err)
	if len(settings.ServiceCnames) != 1 {
		t.Fatalf("GetDOSettings: %+v", settings)
	}
	_, err = db.UpdateMetricsCredentials(ctx, &godo.DatabaseUpdateMetricsCredentialsRequest{
		Credentials: &godo.DatabaseMetricsCredentials{BasicAuthUsername: "prom", BasicAuthPassword: "p@ss:/%#?+"},
	})
	ok("UpdateMetricsCredentials", err)
	credentials, _, err := db.GetMetricsCredentials(ctx)
	ok("GetMetricsCredentials", err)
	if credentials.BasicAuthUsername != "prom" || credentials.BasicAuthPassword != "p@ss:/%#?+" {
		t.Fatalf("GetMetricsCredentials: %+v", credentials)
	}
	_, err = db.UpgradeMajorVersion(ctx, clusters["pg"], &godo.UpgradeVersionRequest{Version: "17"})
	ok("UpgradeMajorVersion", err)

	// Configuration per engine.
	_, err = db.UpdatePostgreSQLConfig(ctx, id, &godo.PostgreSQLConfig{WorkMem: ptr(16)})
	ok("UpdatePostgreSQLConfig", err)
	pgConfig, _, err := db.GetPostgreSQLConfig(ctx, id)
	ok("GetPostgreSQLConfig", err)
	if pgConfig.WorkMem == nil || *pgConfig.WorkMem != 16 {
		t.Fatalf("GetPostgreSQLConfig: %+v", pgConfig)
	}
	_, _, err = db.GetAdvancedPostgresSQLConfig(ctx, id)
	ok("GetAdvancedPostgresSQLConfig", err)
	_, err = db.UpdateAdvancedPostgresSQLConfig(ctx, id, &godo.AdvancedPostgresConfigUpdate{
		PGParameters: map[string]string{"work_mem": "16MB"},
	})
	refusedWith(t, "UpdateAdvancedPostgresSQLConfig", err, "pg_parameters is not a setting of PostgreSQL clusters")
	_, err = db.UpdateMySQLConfig(ctx, clusters["mysql"], &godo.MySQLConfig{ConnectTimeout: ptr(20)})
	ok("UpdateMySQLConfig", err)
	mysqlConfig, _, err := db.GetMySQLConfig(ctx, clusters["mysql"])
	ok("GetMySQLConfig", err)
	if mysqlConfig.ConnectTimeout == nil || *mysqlConfig.ConnectTimeout != 20 {
		t.Fatalf("GetMySQLConfig: %+v", mysqlConfig)
	}
	_, _, err = db.GetAdvancedMySQLConfig(ctx, clusters["mysql"])
	ok("GetAdvancedMySQLConfig", err)
	_, err = db.UpdateAdvancedMySQLConfig(ctx, clusters["mysql"], &godo.AdvancedMySQLConfigUpdate{
		MySQLParameters: map[string]string{"wait_timeout": "300"},
	})
	refusedWith(t, "UpdateAdvancedMySQLConfig", err, "mysql_parameters is not a setting of MySQL clusters")
	_, err = db.UpdateValkeyConfig(ctx, valkey, &godo.ValkeyConfig{ValkeyTimeout: ptr(600)})
	ok("UpdateValkeyConfig", err)
	valkeyConfig, _, err := db.GetValkeyConfig(ctx, valkey)
	ok("GetValkeyConfig", err)
	if *valkeyConfig.ValkeyTimeout != 600 {
		t.Fatalf("GetValkeyConfig: %+v", valkeyConfig)
	}
	_, _, err = db.GetRedisConfig(ctx, valkey)
	ok("GetRedisConfig", err)
	_, err = db.UpdateRedisConfig(ctx, valkey, &godo.RedisConfig{RedisTimeout: ptr(600)})
	refusedWith(t, "UpdateRedisConfig", err, "redis_timeout is not a setting of Valkey clusters")
	_, err = db.UpdateMongoDBConfig(ctx, mongodb, &godo.MongoDBConfig{Verbosity: ptr(1)})
	ok("UpdateMongoDBConfig", err)
	mongoConfig, _, err := db.GetMongoDBConfig(ctx, mongodb)
	ok("GetMongoDBConfig", err)
	if *mongoConfig.Verbosity != 1 {
		t.Fatalf("GetMongoDBConfig: %+v", mongoConfig)
	}
	_, err = db.UpdateKafkaConfig(ctx, clusters["kafka"], &godo.KafkaConfig{MessageMaxBytes: ptr(2000000)})
	ok("UpdateKafkaConfig", err)
	kafkaConfig, _, err := db.GetKafkaConfig(ctx, clusters["kafka"])
	ok("GetKafkaConfig", err)
	if *kafkaConfig.MessageMaxBytes != 2000000 {
		t.Fatalf("GetKafkaConfig: %+v", kafkaConfig)
	}
	_, err = db.UpdateOpensearchConfig(ctx, opensearch, &godo.OpensearchConfig{HttpMaxHeaderSizeBytes: ptr(16384)})
	ok("UpdateOpensearchConfig", err)
	osConfig, _, err := db.GetOpensearchConfig(ctx, opensearch)
	ok("GetOpensearchConfig", err)
	if *osConfig.HttpMaxHeaderSizeBytes != 16384 {
		t.Fatalf("GetOpensearchConfig: %+v", osConfig)
	}
	_, err = db.SetSQLMode(ctx, clusters["mysql"], "ANSI", "STRICT_ALL_TABLES")
	ok("SetSQLMode", err)
	mode, _, err := db.GetSQLMode(ctx, clusters["mysql"])
	ok("GetSQLMode", err)
	if mode != "ANSI,STRICT_ALL_TABLES" {
		t.Fatalf("GetSQLMode: %q", mode)
	}
	_, err = db.SetEvictionPolicy(ctx, valkey, "allkeys_lru")
	ok("SetEvictionPolicy", err)
	policy, _, err := db.GetEvictionPolicy(ctx, valkey)
	ok("GetEvictionPolicy", err)
	if policy != "allkeys_lru" {
		t.Fatalf("GetEvictionPolicy: %q", policy)
	}

	// Read-only nodes.
	replica, _, err := db.CreateReplica(ctx, id, &godo.DatabaseCreateReplicaRequest{Name: "godo-read", Size: "db-s-1vcpu-2gb"})
	ok("CreateReplica", err)
	if replica.Status != "creating" || replica.Region != "nyc3" {
		t.Fatalf("CreateReplica: %+v", replica)
	}
	until(t, "replica online", func() bool {
		got, _, err := db.GetReplica(ctx, id, "godo-read")
		ok("GetReplica", err)
		return got.Status == "online"
	})
	replicas, _, err := db.ListReplicas(ctx, id, nil)
	ok("ListReplicas", err)
	if len(replicas) != 1 {
		t.Fatalf("ListReplicas: %+v", replicas)
	}
	_, err = db.PromoteReplicaToPrimary(ctx, id, "godo-read")
	ok("PromoteReplicaToPrimary", err)
	promoted, _, err := db.Get(ctx, replica.ID)
	ok("Get promoted", err)
	if promoted.Name != "godo-read" {
		t.Fatalf("promoted: %+v", promoted)
	}
	_, _, err = db.CreateReplica(ctx, id, &godo.DatabaseCreateReplicaRequest{Name: "godo-read-2", Size: "db-s-1vcpu-2gb"})
	ok("CreateReplica 2", err)
	_, err = db.DeleteReplica(ctx, id, "godo-read-2")
	ok("DeleteReplica", err)

	// Kafka.
	kafka := clusters["kafka"]
	topic, _, err := db.CreateTopic(ctx, kafka, &godo.DatabaseCreateTopicRequest{
		Name: "events", PartitionCount: ptr(uint32(2)), Config: &godo.TopicConfig{CleanupPolicy: "compact"},
	})
	ok("CreateTopic", err)
	if len(topic.Partitions) != 2 || topic.Config.CleanupPolicy != "compact" {
		t.Fatalf("CreateTopic: %+v", topic)
	}
	_, err = db.UpdateTopic(ctx, kafka, "events", &godo.DatabaseUpdateTopicRequest{PartitionCount: ptr(uint32(4))})
	ok("UpdateTopic", err)
	topic, _, err = db.GetTopic(ctx, kafka, "events")
	ok("GetTopic", err)
	if len(topic.Partitions) != 4 {
		t.Fatalf("GetTopic: %+v", topic)
	}
	topics, _, err := db.ListTopics(ctx, kafka, nil)
	ok("ListTopics", err)
	if len(topics) != 1 {
		t.Fatalf("ListTopics: %+v", topics)
	}
	_, err = db.DeleteTopic(ctx, kafka, "events")
	ok("DeleteTopic", err)
	subject, _, err := db.CreateKafkaSchemaRegistry(ctx, kafka, &godo.DatabaseKafkaSchemaRegistryRequest{
		SubjectName: "events-value", SchemaType: "JSON", Schema: `{"type":"object"}`,
	})
	ok("CreateKafkaSchemaRegistry", err)
	if subject.SchemaID == 0 {
		t.Fatalf("CreateKafkaSchemaRegistry: %+v", subject)
	}
	_, _, err = db.GetKafkaSchemaRegistry(ctx, kafka, "events-value")
	ok("GetKafkaSchemaRegistry", err)
	subjects, _, err := db.ListKafkaSchemaRegistry(ctx, kafka, nil)
	ok("ListKafkaSchemaRegistry", err)
	if len(subjects) != 1 {
		t.Fatalf("ListKafkaSchemaRegistry: %+v", subjects)
	}
	level, _, err := db.UpdateKafkaSchemaRegistryConfig(ctx, kafka, &godo.DatabaseKafkaSchemaRegistryConfig{CompatibilityLevel: "FULL"})
	ok("UpdateKafkaSchemaRegistryConfig", err)
	if level.CompatibilityLevel != "FULL" {
		t.Fatalf("UpdateKafkaSchemaRegistryConfig: %+v", level)
	}
	_, _, err = db.GetKafkaSchemaRegistryConfig(ctx, kafka)
	ok("GetKafkaSchemaRegistryConfig", err)
	own, _, err := db.UpdateKafkaSchemaRegistrySubjectConfig(ctx, kafka, "events-value",
		&godo.DatabaseKafkaSchemaRegistryConfig{CompatibilityLevel: "NONE"})
	ok("UpdateKafkaSchemaRegistrySubjectConfig", err)
	if own.SubjectName != "events-value" || own.CompatibilityLevel != "NONE" {
		t.Fatalf("UpdateKafkaSchemaRegistrySubjectConfig: %+v", own)
	}
	_, _, err = db.GetKafkaSchemaRegistrySubjectConfig(ctx, kafka, "events-value")
	ok("GetKafkaSchemaRegistrySubjectConfig", err)
	_, err = db.DeleteKafkaSchemaRegistry(ctx, kafka, "events-value")
	ok("DeleteKafkaSchemaRegistry", err)

	// OpenSearch, log sinks, online migration.
	indexes, _, err := db.ListIndexes(ctx, opensearch, nil)
	ok("ListIndexes", err)
	if len(indexes) == 0 {
		t.Fatal("ListIndexes: none")
	}
	_, err = db.DeleteIndex(ctx, opensearch, indexes[0].IndexName)
	ok("DeleteIndex", err)
	sink, _, err := db.CreateLogsink(ctx, id, &godo.DatabaseCreateLogsinkRequest{
		Name: "logs", Type: "rsyslog",
		Config: &godo.DatabaseLogsinkConfig{Server: "logs.example.invalid", Port: 514, Format: "rfc5424"},
	})
	ok("CreateLogsink", err)
	_, err = db.UpdateLogsink(ctx, id, sink.ID, &godo.DatabaseUpdateLogsinkRequest{
		Config: &godo.DatabaseLogsinkConfig{Server: "logs.example.invalid", Port: 6514, TLS: true, Format: "rfc5424"},
	})
	ok("UpdateLogsink", err)
	gotSink, _, err := db.GetLogsink(ctx, id, sink.ID)
	ok("GetLogsink", err)
	if gotSink.Config.Port != 6514 {
		t.Fatalf("GetLogsink: %+v", gotSink.Config)
	}
	_, _, err = db.ListLogsinks(ctx, id, nil)
	ok("ListLogsinks", err)
	_, err = db.DeleteLogsink(ctx, id, sink.ID)
	ok("DeleteLogsink", err)
	migration, _, err := db.StartOnlineMigration(ctx, id, &godo.DatabaseStartOnlineMigrationRequest{
		Source: &godo.DatabaseOnlineMigrationConfig{Host: "source.example.invalid", Port: 5432, DatabaseName: "shop"},
	})
	ok("StartOnlineMigration", err)
	status, _, err := db.GetOnlineMigrationStatus(ctx, id)
	ok("GetOnlineMigrationStatus", err)
	if status.ID != migration.ID || status.Status != "running" {
		t.Fatalf("GetOnlineMigrationStatus: %+v", status)
	}
	_, err = db.StopOnlineMigration(ctx, id, migration.ID)
	ok("StopOnlineMigration", err)

	// Resize, migrate, delete.
	_, err = db.Resize(ctx, id, &godo.DatabaseResizeRequest{SizeSlug: "db-s-2vcpu-4gb", NumNodes: 2})
	ok("Resize", err)
	until(t, "resized", func() bool {
		got, _, err := db.Get(ctx, id)
		ok("Get", err)
		return got.Status == "online" && got.SizeSlug == "db-s-2vcpu-4gb"
	})
	_, err = db.Migrate(ctx, id, &godo.DatabaseMigrateRequest{Region: "ams3"})
	ok("Migrate", err)
	_, err = db.Delete(ctx, replica.ID)
	ok("Delete promoted", err)
	_, err = db.Delete(ctx, id)
	ok("Delete", err)
	_, _, err = db.Get(ctx, id)
	var apiErr *godo.ErrorResponse
	if !errors.As(err, &apiErr) || apiErr.Response.StatusCode != http.StatusNotFound {
		t.Fatalf("Get after Delete: %v", err)
	}
}
