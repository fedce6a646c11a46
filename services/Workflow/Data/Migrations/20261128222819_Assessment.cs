using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Workflow.Data.Migrations
{
    /// <inheritdoc />
    public partial class Assessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "handled_by_subject",
                table: "cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "reporter_says_resolved",
                table: "cases",
                type: "boolean",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_cases_dispatched_at",
                table: "cases",
                column: "dispatched_at");

            migrationBuilder.CreateIndex(
                name: "ix_cases_due_at",
                table: "cases",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_items_level_at",
                table: "assessment_items",
                columns: new[] { "level", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_items_level_subject_id_at",
                table: "assessment_items",
                columns: new[] { "level", "subject_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_items");

            migrationBuilder.DropIndex(
                name: "ix_cases_dispatched_at",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_due_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "handled_by_subject",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "reporter_says_resolved",
                table: "cases");
        }
    }
}
