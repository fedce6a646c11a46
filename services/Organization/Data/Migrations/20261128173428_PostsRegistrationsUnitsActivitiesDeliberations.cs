using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Organization.Data.Migrations
{
    /// <inheritdoc />
    public partial class PostsRegistrationsUnitsActivitiesDeliberations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alliance_meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attending_unit_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    tasks = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliance_meetings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "area_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: true),
                    grid_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_area_assignments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deliberations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    record = table.Column<string>(type: "text", nullable: false),
                    parties = table.Column<string>(type: "jsonb", nullable: true),
                    resolutions = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliberations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "in_service_registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    placement_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grid_id = table.Column<Guid>(type: "uuid", nullable: true),
                    pledges = table.Column<List<string>>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_in_service_registrations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "member_units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    party_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contact_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    service_fields = table.Column<List<string>>(type: "text[]", nullable: false),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    contact_phone_protected = table.Column<string>(type: "text", nullable: true),
                    contact_phone_masked = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    shared_resources = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_units", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "party_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    attendance = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_party_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "posts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    business_line = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    party_building_duty = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_centre_checks",
                columns: table => new
                {
                    community_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    met = table.Column<bool>(type: "boolean", nullable: false),
                    evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_centre_checks", x => new { x.community_id, x.item });
                });

            migrationBuilder.CreateIndex(
                name: "ix_area_assignments_community_id",
                table: "area_assignments",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_area_assignments_person_id",
                table: "area_assignments",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_deliberations_community_id_held_at",
                table: "deliberations",
                columns: new[] { "community_id", "held_at" });

            migrationBuilder.CreateIndex(
                name: "ix_in_service_registrations_community_id",
                table: "in_service_registrations",
                column: "community_id");

            migrationBuilder.CreateIndex(
                name: "ix_in_service_registrations_person_id",
                table: "in_service_registrations",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_in_service_registrations_unit_organization_id",
                table: "in_service_registrations",
                column: "unit_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_units_name",
                table: "member_units",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_party_activities_held_at",
                table: "party_activities",
                column: "held_at");

            migrationBuilder.CreateIndex(
                name: "ix_party_activities_organization_id_held_at",
                table: "party_activities",
                columns: new[] { "organization_id", "held_at" });

            migrationBuilder.CreateIndex(
                name: "ix_posts_organization_id_title",
                table: "posts",
                columns: new[] { "organization_id", "title" });

            migrationBuilder.CreateIndex(
                name: "ix_posts_person_id",
                table: "posts",
                column: "person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alliance_meetings");

            migrationBuilder.DropTable(
                name: "area_assignments");

            migrationBuilder.DropTable(
                name: "deliberations");

            migrationBuilder.DropTable(
                name: "in_service_registrations");

            migrationBuilder.DropTable(
                name: "member_units");

            migrationBuilder.DropTable(
                name: "party_activities");

            migrationBuilder.DropTable(
                name: "posts");

            migrationBuilder.DropTable(
                name: "service_centre_checks");
        }
    }
}
