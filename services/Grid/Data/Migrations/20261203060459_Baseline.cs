using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.BuildingBlocks.Messaging;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Platform.Grid.Data.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "assistant_quota",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    points_per_assistant = table.Column<int>(type: "integer", nullable: false),
                    minimum = table.Column<int>(type: "integer", nullable: false),
                    maximum = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assistant_quota", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "compounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contact_days",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    community_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_days", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dead_letter_replays",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    queue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    replayed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    replayed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dead_letter_replays", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "grid_posts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    grid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    original_duties = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grid_posts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "grids",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    boundary = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: true),
                    households = table.Column<int>(type: "integer", nullable: false),
                    population = table.Column<int>(type: "integer", nullable: false),
                    complexity = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grids", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                columns: table => new
                {
                    caller = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    content_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    location = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    body = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotent_requests", x => new { x.caller, x.key });
                });

            migrationBuilder.CreateTable(
                name: "import_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    total_rows = table.Column<int>(type: "integer", nullable: false),
                    processed_rows = table.Column<int>(type: "integer", nullable: false),
                    created_count = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    problems = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.event_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "known_communities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_communities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "known_people",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    is_cadre = table.Column<bool>(type: "boolean", nullable: false),
                    staff_community_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_party_member = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_people", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "layers",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    is_built_in = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_layers", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "team_members",
                columns: table => new
                {
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_time = table.Column<bool>(type: "boolean", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_members", x => x.person_id);
                });

            migrationBuilder.CreateTable(
                name: "buildings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    compound_id = table.Column<Guid>(type: "uuid", nullable: true),
                    grid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    address_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_buildings", x => x.id);
                    table.ForeignKey(
                        name: "fk_buildings_compounds_compound_id",
                        column: x => x.compound_id,
                        principalTable: "compounds",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_buildings_grids_grid_id",
                        column: x => x.grid_id,
                        principalTable: "grids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    grid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    building_id = table.Column<Guid>(type: "uuid", nullable: true),
                    household = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    visitor_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_day_id = table.Column<Guid>(type: "uuid", nullable: true),
                    visited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    findings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    follow_up = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    raises_case = table.Column<bool>(type: "boolean", nullable: false),
                    case_category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_visits_grids_grid_id",
                        column: x => x.grid_id,
                        principalTable: "grids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "layer_responsibilities",
                columns: table => new
                {
                    grid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    layer_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    department_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    department_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    contact_phone_protected = table.Column<string>(type: "text", nullable: true),
                    contact_phone_masked = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_layer_responsibilities", x => new { x.grid_id, x.layer_code });
                    table.ForeignKey(
                        name: "fk_layer_responsibilities_grids_grid_id",
                        column: x => x.grid_id,
                        principalTable: "grids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_layer_responsibilities_layers_layer_code",
                        column: x => x.layer_code,
                        principalTable: "layers",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "layers",
                columns: new[] { "code", "is_built_in", "name" },
                values: new object[,]
                {
                    { "environment", true, "环境监管网" },
                    { "public-security", true, "治安防控网" },
                    { "urban-management", true, "城管执法网" },
                    { "work-safety", true, "安全监管网" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_buildings_address_key",
                table: "buildings",
                column: "address_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_buildings_compound_id",
                table: "buildings",
                column: "compound_id");

            migrationBuilder.CreateIndex(
                name: "ix_buildings_grid_id",
                table: "buildings",
                column: "grid_id");

            migrationBuilder.CreateIndex(
                name: "ix_buildings_location",
                table: "buildings",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_compounds_community_id",
                table: "compounds",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_contact_days_date",
                table: "contact_days",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_dead_letter_replays_replayed_at",
                table: "dead_letter_replays",
                column: "replayed_at");

            migrationBuilder.CreateIndex(
                name: "ix_grid_posts_grid_id_to",
                table: "grid_posts",
                columns: new[] { "grid_id", "to" });

            migrationBuilder.CreateIndex(
                name: "ix_grid_posts_person_id",
                table: "grid_posts",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_one_leader_and_instructor_per_grid",
                table: "grid_posts",
                columns: new[] { "grid_id", "kind" },
                unique: true,
                filter: "\"to\" IS NULL AND kind IN ('Leader', 'Instructor')");

            migrationBuilder.CreateIndex(
                name: "ix_grids_boundary",
                table: "grids",
                column: "boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_grids_code",
                table: "grids",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_grids_community_id",
                table: "grids",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_idempotent_requests_expires_at",
                table: "idempotent_requests",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_status_submitted_at",
                table: "import_jobs",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_layer_responsibilities_department_code",
                table: "layer_responsibilities",
                column: "department_code");

            migrationBuilder.CreateIndex(
                name: "ix_layer_responsibilities_layer_code",
                table: "layer_responsibilities",
                column: "layer_code");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_new",
                table: "outbox_messages",
                columns: new[] { "occurred_at", "id" },
                filter: "sent_at IS NULL AND attempts = 0");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_retrying",
                table: "outbox_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "sent_at IS NULL AND attempts > 0");

            migrationBuilder.CreateIndex(
                name: "ix_visits_grid_id_visited_at",
                table: "visits",
                columns: new[] { "grid_id", "visited_at" });

            migrationBuilder.CreateIndex(
                name: "ix_visits_visited_at",
                table: "visits",
                column: "visited_at");

            // Not from the model: the trigger that wakes the outbox relay at commit (OutboxNotification).
            migrationBuilder.AddOutboxNotification();

            // Nor these: the defaults these columns were given when they were added to filled tables, before the history
            // was squashed into this baseline; kept, so the schema is the one that history built.
            migrationBuilder.Sql("""
                ALTER TABLE grids ALTER COLUMN complexity SET DEFAULT 0;
                ALTER TABLE grids ALTER COLUMN households SET DEFAULT 0;
                ALTER TABLE grids ALTER COLUMN population SET DEFAULT 0;
                ALTER TABLE grids ALTER COLUMN status SET DEFAULT 'Active';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropOutboxNotification();

            migrationBuilder.DropTable(
                name: "assistant_quota");

            migrationBuilder.DropTable(
                name: "buildings");

            migrationBuilder.DropTable(
                name: "contact_days");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "dead_letter_replays");

            migrationBuilder.DropTable(
                name: "grid_posts");

            migrationBuilder.DropTable(
                name: "idempotent_requests");

            migrationBuilder.DropTable(
                name: "import_jobs");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "known_communities");

            migrationBuilder.DropTable(
                name: "known_people");

            migrationBuilder.DropTable(
                name: "layer_responsibilities");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "team_members");

            migrationBuilder.DropTable(
                name: "visits");

            migrationBuilder.DropTable(
                name: "compounds");

            migrationBuilder.DropTable(
                name: "layers");

            migrationBuilder.DropTable(
                name: "grids");
        }
    }
}
