using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Platform.BuildingBlocks.Messaging;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Platform.Workflow.Data.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gist", ",,")
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateSequence(
                name: "case_numbers");

            migrationBuilder.CreateTable(
                name: "assessment_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    subject_id = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    points = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by_subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_categories",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    working_days = table.Column<int>(type: "integer", nullable: false),
                    default_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "General"),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_categories", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "General"),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: true),
                    building_id = table.Column<Guid>(type: "uuid", nullable: true),
                    photo_urls = table.Column<List<string>>(type: "text[]", nullable: false),
                    grid_id = table.Column<Guid>(type: "uuid", nullable: true),
                    community_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reporter_subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    source_ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    possible_duplicate_of = table.Column<Guid>(type: "uuid", nullable: true),
                    merged_into = table.Column<Guid>(type: "uuid", nullable: true),
                    void_reason = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    handler_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: true),
                    supervising_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    handled_by_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    handled_by_subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    handled_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    agreement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    referred_to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    rating = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    rating_comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reporter_says_resolved = table.Column<bool>(type: "boolean", nullable: true),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    voided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    on_time = table.Column<bool>(type: "boolean", nullable: true),
                    returns = table.Column<int>(type: "integer", nullable: false),
                    reopens = table.Column<int>(type: "integer", nullable: false),
                    extensions = table.Column<int>(type: "integer", nullable: false),
                    deferrals = table.Column<int>(type: "integer", nullable: false),
                    escalations = table.Column<int>(type: "integer", nullable: false),
                    times_overdue = table.Column<int>(type: "integer", nullable: false),
                    step_count = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    warn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    warned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    overdue_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_escalation_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deferred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_check_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    address_protected = table.Column<string>(type: "text", nullable: true),
                    address_masked = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
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
                name: "known_buildings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    grid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_buildings", x => x.id);
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
                name: "known_grid_posts",
                columns: table => new
                {
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    post = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_grid_posts", x => x.assignment_id);
                });

            migrationBuilder.CreateTable(
                name: "known_grids",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    boundary = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_grids", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "known_layer_responsibilities",
                columns: table => new
                {
                    grid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    layer = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    department_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    department_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_layer_responsibilities", x => new { x.grid_id, x.layer });
                });

            migrationBuilder.CreateTable(
                name: "known_people",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    staff_community_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_people", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recipient = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(2200)", maxLength: 2200, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    phone_protected = table.Column<string>(type: "text", nullable: true),
                    phone_masked = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "open311_clients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    key_prefix = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open311_clients", x => x.id);
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
                name: "routing_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    grid_id = table.Column<Guid>(type: "uuid", nullable: true),
                    community_id = table.Column<Guid>(type: "uuid", nullable: true),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    layer = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    department = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routing_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_approvals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    working_days = table.Column<int>(type: "integer", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    requested_by_subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decided_by_subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_approvals", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_approvals_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attendees = table.Column<List<string>>(type: "text[]", nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_meetings_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_parties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    name_protected = table.Column<string>(type: "text", nullable: false),
                    name_masked = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    phone_protected = table.Column<string>(type: "text", nullable: true),
                    phone_masked = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_parties", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_parties_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    bytes = table.Column<int>(type: "integer", nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_by_subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_photos_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "case_reporters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    from_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name_protected = table.Column<string>(type: "text", nullable: true),
                    name_masked = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    phone_protected = table.Column<string>(type: "text", nullable: true),
                    phone_masked = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_reporters", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_reporters_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor_subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "character varying(2200)", maxLength: 2200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_steps_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    task = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "text", nullable: true),
                    done_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_tasks_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_photo_contents",
                columns: table => new
                {
                    photo_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    thumbnail = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_photo_contents", x => x.photo_id);
                    table.ForeignKey(
                        name: "fk_case_photo_contents_case_photos_photo_id",
                        column: x => x.photo_id,
                        principalTable: "case_photos",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "case_categories",
                columns: new[] { "code", "active", "name", "version", "working_days" },
                values: new object[,]
                {
                    { "complaint", true, "投诉", 1L, 13 },
                    { "consultation", true, "咨询", 1L, 3 },
                    { "fire-hazard", true, "消防安全隐患", 1L, 3 },
                    { "garbage", true, "垃圾清运", 1L, 3 },
                    { "help-request", true, "求助", 1L, 3 }
                });

            migrationBuilder.InsertData(
                table: "case_categories",
                columns: new[] { "code", "active", "default_type", "name", "version", "working_days" },
                values: new object[] { "neighbour-dispute", true, "Mediation", "邻里纠纷", 1L, 13 });

            migrationBuilder.InsertData(
                table: "case_categories",
                columns: new[] { "code", "active", "name", "version", "working_days" },
                values: new object[,]
                {
                    { "noise", true, "噪音扰民", 1L, 13 },
                    { "other", true, "其他", 1L, 13 },
                    { "pollution", true, "环境污染", 1L, 13 }
                });

            migrationBuilder.InsertData(
                table: "case_categories",
                columns: new[] { "code", "active", "default_type", "name", "version", "working_days" },
                values: new object[] { "property-management", true, "Tripartite", "物业管理", 1L, 13 });

            migrationBuilder.InsertData(
                table: "case_categories",
                columns: new[] { "code", "active", "name", "version", "working_days" },
                values: new object[,]
                {
                    { "public-order", true, "治安隐患", 1L, 3 },
                    { "report", true, "举报", 1L, 13 },
                    { "road-damage", true, "道路设施破损", 1L, 5 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_items_level_at",
                table: "assessment_items",
                columns: new[] { "level", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_items_level_subject_id_at",
                table: "assessment_items",
                columns: new[] { "level", "subject_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_one_pending_approval_per_case",
                table: "case_approvals",
                column: "case_id",
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_case_meetings_case_id_held_at",
                table: "case_meetings",
                columns: new[] { "case_id", "held_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_parties_case_id",
                table: "case_parties",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_photos_case_id_uploaded_at",
                table: "case_photos",
                columns: new[] { "case_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_photos_pending",
                table: "case_photos",
                column: "uploaded_at",
                filter: "case_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_case_reporters_case_id",
                table: "case_reporters",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_reporters_subject",
                table: "case_reporters",
                column: "subject");

            migrationBuilder.CreateIndex(
                name: "ix_case_steps_case_id_ordinal",
                table: "case_steps",
                columns: new[] { "case_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_tasks_case_id",
                table: "case_tasks",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_category_reported_at",
                table: "cases",
                columns: new[] { "category", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_community_id_reported_at",
                table: "cases",
                columns: new[] { "community_id", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_department",
                table: "cases",
                column: "department");

            migrationBuilder.CreateIndex(
                name: "ix_cases_dispatched_at",
                table: "cases",
                column: "dispatched_at");

            migrationBuilder.CreateIndex(
                name: "ix_cases_due_at",
                table: "cases",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_cases_grid_id_reported_at",
                table: "cases",
                columns: new[] { "grid_id", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_location",
                table: "cases",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_cases_next_check_at",
                table: "cases",
                column: "next_check_at",
                filter: "next_check_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cases_number",
                table: "cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_open_nearby",
                table: "cases",
                columns: new[] { "category", "location", "reported_at" },
                filter: "state NOT IN ('Voided', 'Closed') AND location IS NOT NULL")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_cases_reported_at_id",
                table: "cases",
                columns: new[] { "reported_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_reporter_subject",
                table: "cases",
                column: "reporter_subject");

            migrationBuilder.CreateIndex(
                name: "ix_cases_source_ref",
                table: "cases",
                column: "source_ref",
                unique: true,
                filter: "source_ref IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cases_state_reported_at",
                table: "cases",
                columns: new[] { "state", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dead_letter_replays_replayed_at",
                table: "dead_letter_replays",
                column: "replayed_at");

            migrationBuilder.CreateIndex(
                name: "ix_idempotent_requests_expires_at",
                table: "idempotent_requests",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_known_grid_posts_grid_id",
                table: "known_grid_posts",
                column: "grid_id");

            migrationBuilder.CreateIndex(
                name: "ix_known_grids_boundary",
                table: "known_grids",
                column: "boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_known_grids_community_id",
                table: "known_grids",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_case_id",
                table: "notifications",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_next_attempt_at",
                table: "notifications",
                column: "next_attempt_at",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recipient_created_at",
                table: "notifications",
                columns: new[] { "recipient", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_open311_clients_key_hash",
                table: "open311_clients",
                column: "key_hash",
                unique: true);

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
                name: "ix_routing_rules_category_grid_id_community_id",
                table: "routing_rules",
                columns: new[] { "category", "grid_id", "community_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            // Not from the model: the trigger that wakes the outbox relay at commit (OutboxNotification).
            migrationBuilder.AddOutboxNotification();

            // Nor these: the defaults these columns were given when they were added to filled tables, before the history
            // was squashed into this baseline; kept, so the schema is the one that history built.
            migrationBuilder.Sql("""
                ALTER TABLE known_grids ALTER COLUMN status SET DEFAULT 'Active';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropOutboxNotification();

            migrationBuilder.DropTable(
                name: "assessment_items");

            migrationBuilder.DropTable(
                name: "case_approvals");

            migrationBuilder.DropTable(
                name: "case_categories");

            migrationBuilder.DropTable(
                name: "case_meetings");

            migrationBuilder.DropTable(
                name: "case_parties");

            migrationBuilder.DropTable(
                name: "case_photo_contents");

            migrationBuilder.DropTable(
                name: "case_reporters");

            migrationBuilder.DropTable(
                name: "case_steps");

            migrationBuilder.DropTable(
                name: "case_tasks");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "dead_letter_replays");

            migrationBuilder.DropTable(
                name: "idempotent_requests");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "known_buildings");

            migrationBuilder.DropTable(
                name: "known_communities");

            migrationBuilder.DropTable(
                name: "known_grid_posts");

            migrationBuilder.DropTable(
                name: "known_grids");

            migrationBuilder.DropTable(
                name: "known_layer_responsibilities");

            migrationBuilder.DropTable(
                name: "known_people");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "open311_clients");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "routing_rules");

            migrationBuilder.DropTable(
                name: "case_photos");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropSequence(
                name: "case_numbers");
        }
    }
}
