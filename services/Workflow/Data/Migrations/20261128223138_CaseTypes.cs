using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Workflow.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "agreement",
                table: "cases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "referred_to",
                table: "cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "type",
                table: "cases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "General");

            migrationBuilder.AddColumn<string>(
                name: "default_type",
                table: "case_categories",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "General");

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
                name: "case_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    task = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true)
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






            migrationBuilder.UpdateData(
                table: "case_categories",
                keyColumn: "code",
                keyValue: "neighbour-dispute",
                column: "default_type",
                value: "Mediation");




            migrationBuilder.UpdateData(
                table: "case_categories",
                keyColumn: "code",
                keyValue: "property-management",
                column: "default_type",
                value: "Tripartite");




            migrationBuilder.CreateIndex(
                name: "ix_case_meetings_case_id_held_at",
                table: "case_meetings",
                columns: new[] { "case_id", "held_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_parties_case_id",
                table: "case_parties",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_tasks_case_id",
                table: "case_tasks",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_meetings");

            migrationBuilder.DropTable(
                name: "case_parties");

            migrationBuilder.DropTable(
                name: "case_tasks");

            migrationBuilder.DropColumn(
                name: "agreement",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "referred_to",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "type",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "default_type",
                table: "case_categories");
        }
    }
}
